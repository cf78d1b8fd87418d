import { findQuarterLock } from '../../domain/quarter-lock';
import { dayLabel, quarterOf } from '../../domain/period';
import type { SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome } from '../db/local-records';

/** Said instead of saving: the server would refuse it too (src/server/sync/mutations/quarter-lock.ts). */
export class QuarterLockedError extends Error {
  override name = 'QuarterLockedError';
}

/**
 * Why this officer can no longer change this outcome, or null: a quarter it is dated in (or
 * would be moved into) was signed off by the coordinator (the rule: src/domain/quarter-lock.ts).
 * The phone checks what the server will check, so the officer hears it at once, not after a sync.
 */
export async function quarterLockReason(
  db: FieldbookDb,
  user: Pick<SessionUser, 'memberships'>,
  outcome: Pick<LocalOutcome, 'actionId' | 'partnershipId' | 'occurredOn'>,
  newOccurredOn?: string,
): Promise<string | null> {
  const action = await db.actions.get(outcome.actionId);
  const plan = action && { planId: action.planId, signOffs: await db.signOffs.where('planId').equals(action.planId).toArray() };
  const locked = findQuarterLock({ memberships: user.memberships, outcome, newOccurredOn }, plan)?.signOff;
  if (!locked) return null;
  return `${quarterOf(locked.quarterStart).label} was signed off by ${locked.signedOffByName} on ${dayLabel(locked.signedOffAt.slice(0, 10))}: outcomes dated in it can no longer be changed. Ask your coordinator if one needs correcting.`;
}

/** Refuses (QuarterLockedError) a change to this outcome that the quarter lock forbids: asked by the commands that change one. */
export async function refuseIfQuarterLocked(
  db: FieldbookDb,
  user: Pick<SessionUser, 'memberships'>,
  outcome: Pick<LocalOutcome, 'actionId' | 'partnershipId' | 'occurredOn'>,
  newOccurredOn?: string,
): Promise<void> {
  const reason = await quarterLockReason(db, user, outcome, newOccurredOn);
  if (reason) throw new QuarterLockedError(reason);
}
