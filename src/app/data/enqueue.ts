import type { MutationKind } from '../../domain/sync/push';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { MetaEntry, OutboxEntry } from '../db/local-records';

/**
 * Queues a mutation with this device's next sequence number. Must run inside a read-write
 * transaction over outbox and meta (with the record it is about), so the record, its outbox entry
 * and the counter commit together: never an outcome the outbox forgot, never a number used twice.
 */
export async function enqueue(db: FieldbookDb, kind: MutationKind, outcomeId: string, args: unknown, now: Date): Promise<OutboxEntry> {
  return enqueueAt(db, await readNextSeq(db), kind, outcomeId, args, now);
}

/** The device's next sequence number: read inside the transaction that then calls enqueueAt with it. */
export async function readNextSeq(db: FieldbookDb): Promise<number> {
  return nextSeqFrom(await db.meta.get('nextSeq'));
}

/** The next sequence number from meta's 'nextSeq' entry, for a caller that read it with other entries. */
export function nextSeqFrom(entry: MetaEntry | undefined): number {
  return Number(entry?.value ?? 1);
}

/**
 * enqueue's writes, for a caller that read the number itself (with its other reads, to save a
 * round trip): the same transaction must have read it with readNextSeq, so no other writer can
 * have taken it in between. The entry and the bumped counter are written together.
 */
export async function enqueueAt(db: FieldbookDb, seq: number, kind: MutationKind, outcomeId: string, args: unknown, now: Date): Promise<OutboxEntry> {
  const entry = outboxEntry(seq, kind, outcomeId, args, now);
  await Promise.all([db.outbox.add(entry), db.meta.put({ key: 'nextSeq', value: seq + 1 })]);
  return entry;
}

/** The outbox entry for a mutation at this sequence number (written by enqueueAt, or by a raw save beside its counter). */
export function outboxEntry(seq: number, kind: MutationKind, outcomeId: string, args: unknown, now: Date): OutboxEntry {
  return { seq, kind, args, outcomeId, createdAt: now.toISOString() };
}
