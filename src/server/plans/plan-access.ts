import type { Plan } from '../../domain/plan';
import type { AuthContext } from '../auth/authenticate';
import { requireCoordinator } from '../auth/authorize';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';

/**
 * The plan (or action, measure) a coordinator's request is about, if they coordinate its
 * partnership. A record in another partnership answers 404 exactly as a missing one: ids from
 * elsewhere reveal nothing.
 */
export async function planToChange(tx: StorageTx, auth: AuthContext, planId: string): Promise<Plan> {
  const plan = await tx.plans.find(planId);
  if (!plan || !auth.memberships.some((m) => m.partnershipId === plan.partnershipId)) throw new HttpError(404, 'not-found', 'No such plan.');
  requireCoordinator(auth, plan.partnershipId);
  return plan;
}

export async function actionToChange(tx: StorageTx, auth: AuthContext, actionId: string) {
  const action = await tx.plans.findAction(actionId);
  if (!action || !auth.memberships.some((m) => m.partnershipId === action.partnershipId)) throw new HttpError(404, 'not-found', 'No such action.');
  requireCoordinator(auth, action.partnershipId);
  return action;
}
