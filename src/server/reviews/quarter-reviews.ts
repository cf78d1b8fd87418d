import { randomUUID } from 'node:crypto';
import { dayLabel, quarterOf } from '../../domain/period';
import type { ActionReviewRequest } from '../../domain/review';
import type { AuthContext } from '../auth/authenticate';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';
import type { StoredSignOff } from '../storage/stores/review-store';
import { actionToChange, planToChange } from '../plans/plan-access';

/*
 * The quarterly review, each step inside the caller's transaction with its audit entry: a
 * coordinator reviews each action for the quarter, then signs the quarter off (locking its
 * outcomes for officers), and may reopen it to correct it.
 */

/** The quarter starting on that day, if it is a quarter's first day and overlaps the plan. */
function quarterIn(plan: { periodStart: string; periodEnd: string }, quarterStart: string) {
  const quarter = quarterOf(quarterStart);
  if (quarter.start !== quarterStart)
    throw new HttpError(400, 'invalid-request', `${dayLabel(quarterStart)} is not the first day of a quarter.`, {
      fieldErrors: [{ path: 'quarterStart', message: 'Choose a quarter' }],
    });
  if (quarter.end < plan.periodStart || quarter.start > plan.periodEnd)
    throw new HttpError(400, 'invalid-request', `${quarter.label} is outside the plan’s period.`, {
      fieldErrors: [{ path: 'quarterStart', message: 'Choose a quarter of the plan' }],
    });
  return quarter;
}

export async function saveActionReview(
  tx: StorageTx,
  auth: AuthContext,
  actionId: string,
  quarterStart: string,
  req: ActionReviewRequest,
  now: Date,
): Promise<void> {
  const { partnershipId, ...action } = await actionToChange(tx, auth, actionId);
  const plan = (await tx.plans.find(action.planId))!;
  const quarter = quarterIn(plan, quarterStart);
  const signOff = await tx.reviews.findSignOff(plan.id, quarter.start);
  if (signOff && signOff.reopenedAt === null) throw new HttpError(409, 'conflict', `${quarter.label} is signed off: reopen it to change its review.`);
  const existing = await tx.reviews.find(action.id, quarter.start);
  await tx.reviews.save({
    id: existing?.id ?? randomUUID(),
    partnershipId,
    planId: plan.id,
    actionId: action.id,
    quarterStart: quarter.start,
    ...req,
    updatedAt: now.toISOString(),
    updatedBy: auth.user.id,
  });
  // The commentary is the coordinator's words about the work, but it is free text: the audit log names the fields, never the text.
  await appendAudit(
    tx,
    {
      partnershipId,
      actorId: auth.user.id,
      action: 'review.saved',
      entityType: 'action',
      entityId: action.id,
      details: { quarterStart: quarter.start, rag: req.rag },
    },
    now,
  );
}

/** Signs a quarter off; signing off one already signed off changes nothing. */
export async function signOffQuarter(tx: StorageTx, auth: AuthContext, planId: string, quarterStart: string, now: Date): Promise<StoredSignOff> {
  const plan = await planToChange(tx, auth, planId);
  const quarter = quarterIn(plan, quarterStart);
  if (quarter.end >= now.toISOString().slice(0, 10)) {
    throw new HttpError(409, 'conflict', `${quarter.label} has not ended yet: sign it off once it has.`, {
      fieldErrors: [{ path: 'quarterStart', message: 'This quarter has not ended' }],
    });
  }
  const existing = await tx.reviews.findSignOff(plan.id, quarter.start);
  if (existing && existing.reopenedAt === null) return existing;
  const signOff: StoredSignOff = {
    id: existing?.id ?? randomUUID(),
    partnershipId: plan.partnershipId,
    planId: plan.id,
    quarterStart: quarter.start,
    quarterEnd: quarter.end,
    signedOffAt: now.toISOString(),
    signedOffBy: auth.user.id,
    reopenedAt: null,
  };
  await tx.reviews.saveSignOff(signOff);
  await appendAudit(
    tx,
    {
      partnershipId: plan.partnershipId,
      actorId: auth.user.id,
      action: 'quarter.signed-off',
      entityType: 'plan',
      entityId: plan.id,
      details: { quarterStart: quarter.start },
    },
    now,
  );
  return signOff;
}

export async function reopenQuarter(tx: StorageTx, auth: AuthContext, planId: string, quarterStart: string, now: Date): Promise<void> {
  const plan = await planToChange(tx, auth, planId);
  const existing = await tx.reviews.findSignOff(plan.id, quarterStart);
  if (!existing || existing.reopenedAt !== null) return;
  await tx.reviews.saveSignOff({ ...existing, reopenedAt: now.toISOString() });
  await appendAudit(
    tx,
    { partnershipId: plan.partnershipId, actorId: auth.user.id, action: 'quarter.reopened', entityType: 'plan', entityId: plan.id, details: { quarterStart } },
    now,
  );
}
