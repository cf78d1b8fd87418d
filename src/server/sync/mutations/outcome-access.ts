import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx, StoredOutcome } from '../../storage/storage';
import { refuse, type Refusal } from './refusal';

/**
 * The outcome a change is about, if the user may change it: it must be in one of their
 * partnerships ("not found" otherwise, revealing nothing), and they must have logged it or
 * coordinate its partnership.
 */
export async function outcomeToChange(tx: StorageTx, auth: AuthContext, id: string): Promise<StoredOutcome | Refusal> {
  const existing = await tx.findOutcome(id);
  const membership = existing && auth.memberships.find((m) => m.partnershipId === existing.partnershipId);
  if (!existing || !membership) return refuse('not-found', 'This outcome is not in your partnerships.');
  if (existing.authorId !== auth.user.id && membership.role !== 'coordinator') {
    return refuse('forbidden', 'Only the officer who logged an outcome, or a coordinator, can change it.');
  }
  return existing;
}

export const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'code' in x && 'fieldErrors' in x;
