import { signOffCovering } from '../../domain/review';
import { dayLabel, quarterOf } from '../../domain/period';
import type { SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome } from '../db/local-records';
import { hasCoordinatorRights } from '../../domain/roles';

/** Said instead of saving: the server would refuse it too (src/server/sync/mutations/quarter-lock.ts). */
export class QuarterLockedError extends Error {
  override name = 'QuarterLockedError';
}

/**
 * Why this officer can no longer change this outcome, or null: a quarter it is dated in (or
 * would be moved into) was signed off by the coordinator. Coordinators are never locked out.
 * The phone checks what the server will check, so the officer hears it at once, not after a sync.
 */
export async function quarterLockReason(db: FieldbookDb, user: Pick<SessionUser, 'memberships'>, outcome: Pick<LocalOutcome, 'actionId' | 'partnershipId' | 'occurredOn'>, newOccurredOn?: string): Promise<string | null> {
  if (user.memberships.some((m) => m.partnershipId === outcome.partnershipId && hasCoordinatorRights(m.role))) return null;
  const action = await db.actions.get(outcome.actionId);
  if (!action) return null;
  const signOffs = await db.signOffs.where('planId').equals(action.planId).toArray();
  for (const day of [outcome.occurredOn, newOccurredOn]) {
    const locked = day === undefined ? undefined : signOffCovering(signOffs, action.planId, day);
    if (locked) {
      return `${quarterOf(locked.quarterStart).label} was signed off by ${locked.signedOffByName} on ${dayLabel(locked.signedOffAt.slice(0, 10))}: outcomes dated in it can no longer be changed. Ask your coordinator if one needs correcting.`;
    }
  }
  return null;
}
