import { randomUUID } from 'node:crypto';
import type { OutcomeDeleteArgs } from '../../../domain/sync/push';
import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import { appendAudit } from '../../audit/append-audit';
import type { Refusal } from './refusal';
import { isRefusal, outcomeToChange } from './outcome-access';
import { quarterLock } from './quarter-lock';

/**
 * Deletes an outcome by marking it: the row stays (with its notes) on the server, devices receive
 * a tombstone, and the history records who deleted it, when, and what it said. A delete of an
 * outcome changed since the device last saw it still wins (the later arrival), flagged as a
 * conflict in the history.
 */
export async function deleteOutcome(tx: StorageTx, auth: AuthContext, args: OutcomeDeleteArgs, now: Date): Promise<Refusal | undefined> {
  const existing = await outcomeToChange(tx, auth, args.id);
  if (isRefusal(existing)) return existing;
  if (existing.deletedAt) return undefined; // Already deleted: the same result.
  const locked = await quarterLock(tx, auth, existing);
  if (locked) return locked;
  const version = await tx.takeVersion();
  const { type, details, occurredOn, town } = existing;
  await tx.outcomes.markDeleted(existing.id, now.toISOString(), version);
  await tx.outcomes.appendHistory({
    id: randomUUID(),
    outcomeId: existing.id,
    partnershipId: existing.partnershipId,
    version,
    kind: 'delete',
    field: null,
    from: { type, details, occurredOn, town },
    to: null,
    conflict: existing.version > args.baseVersion,
    actorId: auth.user.id,
    at: now.toISOString(),
  });
  await appendAudit(
    tx,
    { partnershipId: existing.partnershipId, actorId: auth.user.id, action: 'outcome.deleted', entityType: 'outcome', entityId: existing.id },
    now,
  );
  return undefined;
}
