import type { Table } from 'dexie';
import type { MutationKind } from '../../domain/sync/push';
import type { FieldbookDb } from './fieldbook-db';
import type { MetaEntry, OutboxEntry } from './local-records';

/** A change to send to the server: its kind, the record it is about and exactly what is pushed. */
export interface Mutation {
  kind: MutationKind;
  /** An outcome, or for place.* kinds a place (stored as the entry's outcomeId: see OutboxEntry). */
  recordId: string;
  args: unknown;
}

/**
 * Writes records and queues their mutations in ONE read-write transaction over `tables`, the
 * outbox and meta: the record, its outbox entry and the counter commit together, never an outcome
 * the outbox forgot, never a number used twice. `write` makes its changes and calls appendToOutbox.
 */
export function writeQueued<T>(db: FieldbookDb, tables: Table[], write: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [...tables, db.outbox, db.meta], write);
}

/**
 * Queues a mutation with this device's next sequence number: the one way into the outbox. Must
 * run inside a read-write transaction over outbox and meta with the record it is about
 * (writeQueued). A caller that read meta's 'nextSeq' entry with its other reads, to save a round
 * trip, passes it as `seqRead`: the same transaction must have read it, so no other writer can
 * have taken the number in between. The entry and the bumped counter are written together.
 */
export async function appendToOutbox(db: FieldbookDb, mutation: Mutation, now: Date, seqRead?: { nextSeq: MetaEntry | undefined }): Promise<OutboxEntry> {
  const { entry, counter } = outboxWrites(seqRead ? nextSeqFrom(seqRead.nextSeq) : await readNextSeq(db), mutation, now);
  await Promise.all([db.outbox.add(entry), db.meta.put(counter)]);
  return entry;
}

/** The device's next sequence number, read inside the transaction that appends with it. */
async function readNextSeq(db: FieldbookDb): Promise<number> {
  return nextSeqFrom(await db.meta.get('nextSeq'));
}

/** The next sequence number from meta's 'nextSeq' entry (absent on a new database: 1). */
export function nextSeqFrom(entry: MetaEntry | undefined): number {
  return Number(entry?.value ?? 1);
}

/**
 * What queuing a mutation at this sequence number writes: the entry, and the counter moved past
 * it. appendToOutbox writes them through Dexie; the one-round save writes them raw, beside its record.
 */
export function outboxWrites(seq: number, { kind, recordId, args }: Mutation, now: Date): { entry: OutboxEntry; counter: MetaEntry } {
  return { entry: { seq, kind, args, outcomeId: recordId, createdAt: now.toISOString() }, counter: { key: 'nextSeq', value: seq + 1 } };
}
