import { signOffCovering } from '../../../domain/review';
import { dayLabel, quarterOf } from '../../../domain/period';
import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import type { StoredOutcome } from '../../storage/stores/outcome-store';
import { refuse, type Refusal } from './refusal';
import { hasCoordinatorRights } from '../../../domain/roles';

/**
 * A signed-off quarter's outcomes are what the partnership reported: officers can no longer
 * change or delete an outcome dated in it, nor move one into it. Coordinators can (they answer
 * for the correction, and the history records it). New outcomes for a signed-off quarter are
 * still accepted, and reports mark them late (src/domain/review.ts isLate).
 */
export async function quarterLock(
  tx: StorageTx,
  auth: AuthContext,
  outcome: Pick<StoredOutcome, 'partnershipId' | 'actionId' | 'occurredOn'>,
  newOccurredOn?: string,
): Promise<Refusal | undefined> {
  const role = auth.memberships.find((m) => m.partnershipId === outcome.partnershipId)?.role;
  if (role && hasCoordinatorRights(role)) return undefined;
  const action = await tx.plans.findAction(outcome.actionId);
  if (!action) return undefined;
  const signOffs = await tx.reviews.listSignOffs(action.planId);
  for (const day of [outcome.occurredOn, newOccurredOn]) {
    const locked = day === undefined ? undefined : signOffCovering(signOffs, action.planId, day);
    if (locked) {
      return refuse(
        'forbidden',
        `${quarterOf(locked.quarterStart).label} was signed off on ${dayLabel(locked.signedOffAt.slice(0, 10))}: outcomes dated in it can no longer be changed. Ask your coordinator if this one needs correcting.`,
        [{ path: day === outcome.occurredOn ? 'occurredOn' : 'changes.occurredOn', message: 'This quarter is signed off' }],
      );
    }
  }
  return undefined;
}
