import type { MutationKind, MutationResult, PushResponse } from '../../domain/sync/push';
import type { LocalOutcome, LocalPlace, OutboxEntry } from '../db/local-records';
import type { ApiClient } from '../api/api-client';
import type { FieldbookDb } from '../db/fieldbook-db';
import { deviceId } from './device-id';

export const PUSH_BATCH = 200;

export interface PushSummary {
  applied: number;
  rejected: number;
  requests: number;
}

/**
 * Sends the outbox, oldest first, in batches, until it is empty.
 *
 * An entry leaves the outbox only when the server has answered for it (applied, already applied
 * or refused for good). If the answer is lost, the entry is sent again and the server, which
 * remembers the last sequence number it applied for this device, reports it as already applied:
 * retries never double-count.
 *
 * The next batch is sent while the last answer is still being recorded: a batch goes only after
 * the previous one was answered (so the server never sees a gap), but recording an answer is
 * local work that need not hold up the next round trip. If recording fails, the entries stay
 * queued and are answered "already applied" next time.
 */
export async function pushOutbox(db: FieldbookDb, api: ApiClient): Promise<PushSummary> {
  const [device, queuedAtStart] = await Promise.all([deviceId(db), queuedTwiceOrMore(db)]);
  const summary: PushSummary = { applied: 0, rejected: 0, requests: 0 };
  let recording: Promise<void> = Promise.resolve();
  try {
    let batch = await db.outbox.orderBy('seq').limit(PUSH_BATCH).toArray();
    while (batch.length > 0) {
      const response = await api.push({ deviceId: device, mutations: batch.map(({ seq, kind, args }) => ({ seq, kind, args })) });
      summary.requests++;
      // Read the next batch before this answer's write transaction queues up on the outbox.
      const next = await db.outbox.where('seq').above(batch.at(-1)!.seq).limit(PUSH_BATCH).toArray();
      await recording;
      recording = applyPushResponse(db, response, queuedAtStart).then((counts) => {
        summary.applied += counts.applied;
        summary.rejected += counts.rejected;
      });
      // Handled here so a failure waits for the await below instead of counting as unhandled.
      recording.catch(() => undefined);
      batch = next;
    }
  } catch (error) {
    // What was answered before the failure is still recorded; the failure is what the caller sees.
    await recording.catch(() => undefined);
    throw error;
  }
  await recording;
  return summary;
}

/**
 * What the outbox held when a push began: the records with two or more entries queued, and the
 * highest sequence number then. Used only to rule out "still queued" cheaply (see stillQueued);
 * it is never trusted to say a record IS still queued.
 */
interface QueuedAtStart {
  twiceOrMore: ReadonlySet<string>;
  lastSeq: number;
}

/** One read of the whole outbox: a single request, where one count per answered record is one request each. */
async function queuedTwiceOrMore(db: FieldbookDb): Promise<QueuedAtStart> {
  const entries = await db.outbox.toArray();
  const seen = new Set<string>();
  const twiceOrMore = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.outcomeId)) twiceOrMore.add(entry.outcomeId);
    else seen.add(entry.outcomeId);
  }
  return { twiceOrMore, lastSeq: entries.at(-1)?.seq ?? 0 };
}

/**
 * Records the server's answer in one transaction, so outbox and outcome states never disagree.
 * An answered entry leaves the outbox; its outcome is synced once nothing of it is queued, or
 * rejected (kept, with the reason) if the server refused it. A refusal is final for the record:
 * an applied change answered after it (in the same push) does not mark it synced.
 *
 * Bulk reads and writes, not one round of IndexedDB requests per answer: on a phone, each request
 * costs more than the server's work for the same mutation (a 200-outcome answer was 4 requests
 * per outcome).
 */
async function applyPushResponse(db: FieldbookDb, response: PushResponse, atStart: QueuedAtStart): Promise<{ applied: number; rejected: number }> {
  let applied = 0;
  let rejected = 0;
  await db.transaction('rw', [db.outbox, db.outcomes, db.places], async () => {
    const answered = await answeredEntries(db, response.results);
    await db.outbox.bulkDelete(answered.map((a) => a.entry.seq));
    const stillQueued = await recordsStillQueued(db, [...new Set(answered.map((a) => a.entry.outcomeId))], atStart);
    const isPlace = (entry: OutboxEntry) => entry.kind.startsWith('place.');
    const idsOf = (places: boolean) => [...new Set(answered.filter((a) => isPlace(a.entry) === places).map((a) => a.entry.outcomeId))];
    const places = copies(await db.places.bulkGet(idsOf(true)));
    const outcomes = copies(await db.outcomes.bulkGet(idsOf(false)));
    for (const { result, entry } of answered) {
      const counted = isPlace(entry)
        ? settle(places, entry.outcomeId, result, entry.kind, stillQueued)
        : settle(outcomes, entry.outcomeId, result, entry.kind, stillQueued);
      if (counted === 'applied') applied++;
      if (counted === 'rejected') rejected++;
    }
    await db.places.bulkPut([...places.changed].map((id) => places.records.get(id)!));
    await db.outcomes.bulkPut([...outcomes.changed].map((id) => outcomes.records.get(id)!));
  });
  return { applied, rejected };
}

/**
 * The outbox entries the answers are about, each with its answer; an entry no longer in the
 * outbox (removed while the push was on its way) is left out. A push's answers are for
 * consecutive sequence numbers (the push was), so they are read as one key range: one request,
 * where a get per answer is one request each. Anything else is read key by key.
 */
async function answeredEntries(db: FieldbookDb, results: readonly MutationResult[]): Promise<{ result: MutationResult; entry: OutboxEntry }[]> {
  if (results.length === 0) return [];
  const first = results[0]!.seq;
  const consecutive = results.every((r, i) => r.seq === first + i);
  const entries = consecutive
    ? await db.outbox
        .where(':id')
        .between(first, first + results.length - 1, true, true)
        .toArray()
    : (await db.outbox.bulkGet(results.map((r) => r.seq))).filter((e) => e !== undefined);
  const bySeq = new Map(entries.map((e) => [e.seq, e] as const));
  return results.flatMap((result) => {
    const entry = bySeq.get(result.seq);
    return entry ? [{ result, entry }] : [];
  });
}

/**
 * Which of these records still have something queued, once this answer's entries are deleted
 * (later edits not yet sent). Entries are never edited once queued, only added (with a higher
 * sequence number) or removed, so a record that had a single entry when the push began, and
 * none added since, has nothing left once that entry is answered. Only the others are counted:
 * the records queued twice or more at the start, and those with an entry queued since. For a
 * queue of new outcomes that is no count at all, where it used to be one request per record.
 */
async function recordsStillQueued(db: FieldbookDb, recordIds: readonly string[], atStart: QueuedAtStart): Promise<Set<string>> {
  const queuedSince = new Set((await db.outbox.where(':id').above(atStart.lastSeq).toArray()).map((e) => e.outcomeId));
  const maybe = recordIds.filter((id) => atStart.twiceOrMore.has(id) || queuedSince.has(id));
  // One count per record, all in flight at once: an anyOf() cursor would be one request too,
  // but fake-indexeddb (tests, benchmarks) walks it in time quadratic in the outbox's size.
  const queued = await Promise.all(maybe.map((id) => db.outbox.where('outcomeId').equals(id).count()));
  return new Set(maybe.filter((_, i) => queued[i]! > 0));
}

type Synced = Pick<LocalOutcome | LocalPlace, 'id' | 'syncState' | 'rejection'>;

/** In-memory copies of the records the answers are about, and which of them an answer changed. */
function copies<R extends Synced>(found: readonly (R | undefined)[]) {
  return { records: new Map(found.flatMap((r) => (r ? [[r.id, r] as const] : []))), changed: new Set<string>() };
}

/** Applies one answer to its record's copy, in order; says how it counted (nothing if the record is gone). */
function settle<R extends Synced>(
  copy: { records: Map<string, R>; changed: Set<string> },
  id: string,
  result: MutationResult,
  kind: MutationKind,
  stillQueued: ReadonlySet<string>,
): 'applied' | 'rejected' | undefined {
  const record = copy.records.get(id);
  if (!record) return undefined;
  if (result.status === 'rejected') {
    copy.records.set(id, {
      ...record,
      syncState: 'rejected',
      rejection: { code: result.code, message: result.message, fieldErrors: result.fieldErrors, kind },
    });
    copy.changed.add(id);
    return 'rejected';
  }
  if (!stillQueued.has(id) && record.syncState === 'pending') {
    copy.records.set(id, { ...record, syncState: 'synced' });
    copy.changed.add(id);
  }
  return 'applied';
}
