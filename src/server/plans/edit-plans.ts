import { randomUUID } from 'node:crypto';
import type { Plan } from '../../domain/plan';
import { CreatePlanRequest, type UpdatePlanRequest } from '../../domain/plan-admin/requests';
import type { AuthContext } from '../auth/authenticate';
import { requireCoordinator } from '../auth/authorize';
import { appendAudit } from '../audit/append-audit';
import { parseOr400 } from '../http/parse';
import type { StorageTx } from '../storage/storage';
import { planToChange } from './plan-access';

/** A new, empty plan for a partnership: actions come by import or one at a time. */
export async function createPlan(tx: StorageTx, auth: AuthContext, partnershipId: string, req: CreatePlanRequest, now: Date): Promise<Plan> {
  requireCoordinator(auth, partnershipId);
  const plan: Plan = { id: randomUUID(), partnershipId, ...req };
  await tx.plans.insert(plan);
  await appendAudit(
    tx,
    {
      partnershipId,
      actorId: auth.user.id,
      action: 'plan.created',
      entityType: 'plan',
      entityId: plan.id,
      details: { periodStart: plan.periodStart, periodEnd: plan.periodEnd },
    },
    now,
  );
  return plan;
}

export async function updatePlan(tx: StorageTx, auth: AuthContext, planId: string, req: UpdatePlanRequest, now: Date): Promise<Plan> {
  const before = await planToChange(tx, auth, planId);
  // The period is checked as a whole once the change is applied: a new end must still follow the old start.
  const after = {
    ...before,
    ...parseOr400(CreatePlanRequest, { title: before.title, periodStart: before.periodStart, periodEnd: before.periodEnd, ...req }, 'plan'),
  };
  await tx.plans.update(after);
  await appendAudit(
    tx,
    {
      partnershipId: before.partnershipId,
      actorId: auth.user.id,
      action: 'plan.changed',
      entityType: 'plan',
      entityId: planId,
      details: { fields: Object.keys(req) },
    },
    now,
  );
  return after;
}
