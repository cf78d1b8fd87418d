import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import type { StoredOutcome } from '../../storage/stores/outcome-store';
import { refuse, type Refusal } from './refusal';
import { mayChangeOutcome } from '../../../domain/outcome-access';
import type { PlanLookups } from './plan-lookups';
import { refusalForViewer } from './viewer-refusal';

/**
 * The outcome a change is about, if the user may change it: it must be in one of their
 * partnerships ("not found" otherwise, revealing nothing), and they must have logged it or
 * coordinate its partnership.
 */
export async function outcomeToChange(tx: StorageTx, auth: AuthContext, id: string): Promise<StoredOutcome | Refusal> {
  const existing = await tx.outcomes.find(id);
  const membership = existing && auth.memberships.find((m) => m.partnershipId === existing.partnershipId);
  if (!existing || !membership) return refuse('not-found', 'This outcome is not in your partnerships.');
  const viewing = refusalForViewer(auth, existing.partnershipId);
  if (viewing) return viewing;
  if (!mayChangeOutcome({ id: auth.user.id, memberships: auth.memberships }, existing)) {
    return refuse('forbidden', 'Only the officer who logged an outcome, or a coordinator, can change it.');
  }
  return existing;
}

/**
 * The place an outcome names, as checkOutcomeAgainstPlan wants it: its register, 'missing' when
 * there is no such place in the outcome's partnership (another partnership's place is missing
 * too: nothing is revealed about it), null when the outcome names none.
 */
export async function placeOfOutcome(
  lookups: Pick<PlanLookups, 'findPlace'>,
  placeId: string | null,
  partnershipId: string,
): Promise<{ kind: string } | 'missing' | null> {
  if (placeId === null) return null;
  const place = await lookups.findPlace(placeId);
  return place && place.partnershipId === partnershipId ? { kind: place.kind } : 'missing';
}

export const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'code' in x && 'fieldErrors' in x;
