import type { Action, Measure, Plan, Priority } from '../../domain/plan';
import type { Role, SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive } from '../db/local-records';
import { byPosition } from './by-position';
import { loadPlans, type PlanView } from './plan-queries';
import { mayReadReports } from '../../domain/roles';

export interface ManagedPartnership {
  partnershipId: string;
  partnershipName: string;
  /** A coordinator or administrator runs it; a viewer reads its progress and reports only. */
  role: Role;
  plans: PlanView[];
}

/** Each partnership whose progress and reports the user reads (coordinates or views), with its plans (newest first) as the phone holds them. */
export async function loadManagedPlans(db: FieldbookDb, user: Pick<SessionUser, 'memberships'>): Promise<ManagedPartnership[]> {
  const plans = await loadPlans(db);
  return user.memberships
    .filter((m) => mayReadReports(m.role))
    .map((m) => ({ partnershipId: m.partnershipId, partnershipName: m.partnershipName, role: m.role, plans: plans.filter((p) => p.plan.partnershipId === m.partnershipId) }));
}

export interface ActionToEdit {
  action: Action;
  plan: Plan;
  priorities: Priority[];
  /** The plan's other actions, in order: merge targets and cross-reference checks. */
  others: Action[];
  measures: Measure[];
  /** Outcomes logged against it that this device holds (a coordinator's device holds them all). */
  outcomeCount: number;
}

export async function loadActionToEdit(db: FieldbookDb, actionId: string): Promise<ActionToEdit | null> {
  const action = await db.actions.get(actionId);
  const plan = action && (await db.plans.get(action.planId));
  if (!action || !plan) return null;
  const [priorities, actions, measures, outcomes] = await Promise.all([
    db.priorities.where('planId').equals(plan.id).toArray(),
    db.actions.where('planId').equals(plan.id).toArray(),
    db.measures.where('actionId').equals(actionId).toArray(),
    db.outcomes.where('actionId').equals(actionId).toArray(),
  ]);
  return {
    action,
    plan,
    priorities: priorities.sort(byPosition),
    others: actions.filter((a) => a.id !== actionId).sort(byPosition),
    measures: measures.sort(byPosition),
    outcomeCount: outcomes.filter(isLive).length,
  };
}
