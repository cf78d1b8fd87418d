import { findQuarterLock } from '../../../domain/quarter-lock';
import { dayLabel, quarterOf } from '../../../domain/period';
import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import type { StoredOutcome } from '../../storage/stores/outcome-store';
import { refuse, type Refusal } from './refusal';

/**
 * The quarter lock (the rule: src/domain/quarter-lock.ts), as a refusal of a pushed change:
 * officers can no longer change or delete an outcome dated in a signed-off quarter, nor move one
 * into it. The phone asks the same rule first; this answers whatever an old phone sends.
 */
export async function quarterLock(
  tx: StorageTx,
  auth: AuthContext,
  outcome: Pick<StoredOutcome, 'partnershipId' | 'actionId' | 'occurredOn'>,
  newOccurredOn?: string,
): Promise<Refusal | undefined> {
  const action = await tx.plans.findAction(outcome.actionId);
  const plan = action && { planId: action.planId, signOffs: await tx.reviews.listSignOffs(action.planId) };
  const locked = findQuarterLock({ memberships: auth.memberships, outcome, newOccurredOn }, plan);
  if (!locked) return undefined;
  return refuse(
    'forbidden',
    `${quarterOf(locked.signOff.quarterStart).label} was signed off on ${dayLabel(locked.signOff.signedOffAt.slice(0, 10))}: outcomes dated in it can no longer be changed. Ask your coordinator if this one needs correcting.`,
    [{ path: locked.day === 'occurredOn' ? 'occurredOn' : 'changes.occurredOn', message: 'This quarter is signed off' }],
  );
}
