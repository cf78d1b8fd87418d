import { refuse, type Refusal } from './refusal';
import type { AuthContext } from '../../auth/authenticate';
import type { PlanLookups } from './plan-lookups';

/** Merges can chain (7 into 5, later 5 into 3); a loop is impossible, but a bound costs nothing. */
const MAX_MERGE_HOPS = 20;

/**
 * The action an outcome from a phone belongs to now. A phone that was offline while a coordinator
 * merged the action it was logged against still sends the old id: the outcome goes where the
 * action went, so nothing the officer logged is lost or refused. An action taken out of the plan
 * without a merge has nowhere to go: the outcome is refused with the reason and waits on the phone.
 * Authorized against the database: only actions in the user's partnerships are found.
 */
export async function currentAction(lookups: Pick<PlanLookups, 'findAction' | 'findRemoval'>, auth: AuthContext, actionId: string) {
  let id = actionId;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const action = await lookups.findAction(id);
    if (action) return auth.memberships.some((m) => m.partnershipId === action.partnershipId) ? action : notFound();
    const removal = await lookups.findRemoval(id);
    if (!removal || removal.table !== 'actions' || !auth.memberships.some((m) => m.partnershipId === removal.partnershipId)) return notFound();
    if (removal.mergedInto === null) {
      return refuse(
        'conflict',
        `The action this outcome was logged against was taken out of the plan on ${removal.removedAt.slice(0, 10)}. Ask your coordinator which action it belongs to.`,
      );
    }
    id = removal.mergedInto;
  }
  return notFound();
}

const notFound = (): Refusal => refuse('not-found', 'The action this outcome was logged against is not in your partnerships.');
