import type { MutationKind } from '../../domain/sync/push';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { OutboxEntry } from '../db/local-records';

/**
 * Queues a mutation with this device's next sequence number. Must run inside a read-write
 * transaction over outbox and meta (with the record it is about), so the record, its outbox entry
 * and the counter commit together: never an outcome the outbox forgot, never a number used twice.
 */
export async function enqueue(db: FieldbookDb, kind: MutationKind, outcomeId: string, args: unknown, now: Date): Promise<OutboxEntry> {
  const seq = Number((await db.meta.get('nextSeq'))?.value ?? 1);
  const entry: OutboxEntry = { seq, kind, args, outcomeId, createdAt: now.toISOString() };
  await db.outbox.add(entry);
  await db.meta.put({ key: 'nextSeq', value: seq + 1 });
  return entry;
}
