import { Dexie } from 'dexie';
import type { OutcomeInput } from '../../domain/outcome';
import type { FieldbookDb } from './fieldbook-db';
import type { LocalOutcome, LocalPlace, MetaEntry } from './local-records';
import { packOutcome, unpackOutcome } from './server-copy';
import { appendToOutbox, nextSeqFrom, outboxWrites, type Mutation } from './outbox';
import { announceRawWrites, type RawWrite } from './change-notice';

/**
 * Where a save finds the plan's rules (app/data/phone-plan-cache.ts): in memory once read, or read
 * inside the save's transaction. `generation` changes whenever the memory is emptied.
 */
export interface PlanRules<R> {
  generation(): number;
  known(actionId: string, placeId: string | null): { rules: R; place: LocalPlace | null | undefined } | undefined;
  rules(actionId: string): Promise<R>;
  place(placeId: string): Promise<LocalPlace | undefined>;
}

/** A new outcome to store and queue, with the checks that decide whether it may be (the use case's). */
export interface NewOutcome<R> {
  input: OutcomeInput;
  now: Date;
  plan: PlanRules<R>;
  /** The record to store, checked against the plan's rules and the place (undefined when not on the phone); throws to refuse. */
  toRecord: (rules: R, place: LocalPlace | null | undefined) => LocalOutcome;
  /** The duplicate guard, given the outcomes of the input's action and day; throws to refuse. Null when the officer confirmed. */
  refuseTwin: ((sameDay: LocalOutcome[]) => void) | null;
  /** The form's draft, deleted with the save. */
  draftKey?: string;
}

/**
 * Saves an outcome on the phone and queues it for the server, in ONE IndexedDB transaction:
 * the record, its outbox entry and the device's next sequence number land together or not at
 * all, whatever happens to the tab, the battery or the signal. The plan checks and the duplicate
 * guard read inside that same transaction: IndexedDB's cost is per transaction, and four of them
 * made a save 8× a bare put (the "save an outcome" benchmark).
 */
export async function saveNewOutcome<R>(db: FieldbookDb, save: NewOutcome<R>): Promise<LocalOutcome> {
  const generation = save.plan.generation();
  const known = save.plan.known(save.input.actionId, save.input.placeId);
  const hint = hints.get(db);
  // The raw one-round save needs the database Dexie has open; the usual save opens it.
  if (known && hint && db.isOpen()) {
    try {
      return await saveInOneRound(db, save, save.toRecord(known.rules, known.place), hint, generation);
    } catch (e) {
      // Another writer (a place added, an edit, another tab) took the number, or a pull changed
      // the plan before this transaction ran: read everything afresh.
      if (!(e instanceof HintMoved) && !(e instanceof StaleRules)) throw e;
      hints.delete(db);
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveAfterReading(db, save);
    } catch (e) {
      // A pull committed between this transaction's creation and its first request: again, from
      // the tables (the cache is empty now). Bounded, though two pulls in a row are already rare.
      if (!(e instanceof StaleRules) || attempt >= 3) throw e;
    }
  }
}

const SAVE_STORES = (db: FieldbookDb) => [db.outcomes, db.outbox, db.meta, db.plans, db.actions, db.measures, db.places, db.drafts];
const created = (input: OutcomeInput): Mutation => ({ kind: 'outcome.create', recordId: input.id, args: input });

/**
 * What this tab last saw in meta after its own save: the device's next sequence number and the
 * last area. Only ever a guess, checked inside the transaction that relies on it.
 */
type SeqHint = { nextSeq: number; lastArea: string | number | undefined };
const hints = new WeakMap<FieldbookDb, SeqHint>();
class HintMoved extends Error {}
/** The plan in memory was emptied while this save waited for its transaction: its check is void. */
class StaleRules extends Error {}

/** The usual save: reads first (the plan's rules unless in memory, the duplicate guard, meta), then writes. */
async function saveAfterReading<R>(db: FieldbookDb, { input, now, plan, toRecord, refuseTwin, draftKey }: NewOutcome<R>): Promise<LocalOutcome> {
  return db.transaction('rw', SAVE_STORES(db), async () => {
    const generation = plan.generation();
    // Every read at once, then every write at once: each request is a round through Dexie and the
    // browser's IndexedDB process ("save an outcome"). The plan's rules come from memory once read
    // (phone-plan-cache.ts: emptied whenever a pull changes them).
    const [rules, place, sameDay, [nextSeq, lastArea]] = await Promise.all([
      plan.rules(input.actionId),
      input.placeId === null ? null : plan.place(input.placeId),
      // By action and day (an index since v5): reading all the action's outcomes cost a save several
      // milliseconds per thousand on the phone ("save an outcome").
      refuseTwin && db.outcomes.where('[actionId+occurredOn]').equals([input.actionId, input.occurredOn]).toArray(),
      db.meta.bulkGet(['nextSeq', 'lastArea']),
    ]);
    if (plan.generation() !== generation) throw new StaleRules();
    // A problem is still reported before a possible duplicate, as the form expects.
    const outcome = toRecord(rules, place);
    if (refuseTwin && sameDay) refuseTwin(sameDay);
    const [, entry] = await Promise.all([
      db.outcomes.add(outcome),
      appendToOutbox(db, created(input), now, { nextSeq }),
      // The next form starts in this area: officers work one area at a time (so it rarely changes,
      // and a put that changes nothing is still a request).
      input.areaId && input.areaId !== lastArea?.value && db.meta.put({ key: 'lastArea', value: input.areaId }),
      // The draft goes in the same transaction: a crash can never leave both the outcome and its draft.
      draftKey && db.drafts.delete(draftKey),
    ]);
    hints.set(db, { nextSeq: entry.seq + 1, lastArea: input.areaId || lastArea?.value });
    return outcome;
  });
}

/**
 * The same save when the plan's rules are in memory and this tab saved last: one transaction in
 * raw IndexedDB on the database Dexie opened, the writes sent with the reads in one round, the
 * reads then deciding whether it may commit. IndexedDB runs a transaction's requests in the order
 * they were made, so the reads see the database as it was before these writes. A twin found, or a
 * sequence number that is not the one used (another writer took it; the outbox's add would fail
 * on a number still queued anyway), aborts the transaction with every write in it: nothing lands.
 *
 * Raw, not through Dexie (decision 36): Dexie's transaction and per-request layers cost this save
 * more than IndexedDB itself ("save an outcome"). What Dexie would have done besides is done here:
 * the outcome is stored as serverCopyMiddleware stores it (packOutcome; a new outcome has no server
 * copy), the twin is read back as it reads it (unpackOutcome), and the committed writes are
 * announced to every live query as Dexie announces them (announceRawWrites). No Dexie hook is
 * registered on these tables (a hook would not see these writes).
 */
function saveInOneRound<R>(
  db: FieldbookDb,
  { input, now, plan, refuseTwin, draftKey }: NewOutcome<R>,
  outcome: LocalOutcome,
  hint: SeqHint,
  generation: number,
): Promise<LocalOutcome> {
  const { entry, counter } = outboxWrites(hint.nextSeq, created(input), now);
  const area: MetaEntry | null = input.areaId ? { key: 'lastArea', value: input.areaId } : null;
  // Created where Dexie creates its own transactions (its next tick, in its queue), so one that
  // was asked for before this save (a pull started in the same moment) still runs first, and
  // this save's reads see what it wrote.
  return Dexie.Promise.resolve().then(
    () =>
      new Promise<LocalOutcome>((resolve, reject) => {
        let tx: IDBTransaction;
        try {
          tx = db.backendDB().transaction(draftKey ? ['outcomes', 'outbox', 'meta', 'drafts'] : ['outcomes', 'outbox', 'meta'], 'readwrite');
        } catch {
          // The connection closed since (a new version in another tab): the usual save reopens it through Dexie.
          reject(new HintMoved());
          return;
        }
        const outcomes = tx.objectStore('outcomes');
        const meta = tx.objectStore('meta');
        const writes: RawWrite[] = [
          { table: 'outcomes', put: outcome },
          { table: 'outbox', put: entry },
          { table: 'meta', put: counter },
        ];
        // Reads first, then the writes, all in this one round.
        const sameDay = refuseTwin && outcomes.index('[actionId+occurredOn]').getAll([input.actionId, input.occurredOn]);
        const nextSeq = meta.get('nextSeq');
        const lastArea = meta.get('lastArea');
        outcomes.add(packOutcome(outcome));
        tx.objectStore('outbox').add(entry);
        meta.put(counter);
        // The next form starts in this area: officers work one area at a time (so it rarely changes).
        if (area && area.value !== hint.lastArea) {
          meta.put(area);
          writes.push({ table: 'meta', put: area });
        }
        // The draft goes in the same transaction: a crash can never leave both the outcome and its draft.
        if (draftKey) {
          tx.objectStore('drafts').delete(draftKey);
          writes.push({ table: 'drafts', deleted: draftKey });
        }
        let refused: Error | undefined;
        // The last read: its answer comes after the others' (requests run in order).
        lastArea.onsuccess = () => {
          try {
            if (plan.generation() !== generation) throw new StaleRules();
            if (refuseTwin && sameDay) refuseTwin((sameDay.result as unknown[]).map(unpackOutcome));
            if (nextSeqFrom(nextSeq.result as MetaEntry | undefined) !== hint.nextSeq) throw new HintMoved();
            // Another tab changed the last area since: this save's area is still the last one.
            if (area && area.value === hint.lastArea && (lastArea.result as MetaEntry | undefined)?.value !== area.value) {
              meta.put(area);
              writes.push({ table: 'meta', put: area });
            }
            // Every request is made and checked: commit now rather than when the browser notices the
            // transaction has nothing left to do (as Dexie does for its own one-shot writes).
            tx.commit();
          } catch (e) {
            refused = e instanceof Error ? e : new Error(String(e));
            tx.abort();
          }
        };
        tx.oncomplete = () => {
          hints.set(db, { nextSeq: hint.nextSeq + 1, lastArea: area?.value ?? (lastArea.result as MetaEntry | undefined)?.value });
          announceRawWrites(db, writes);
          resolve(outcome);
        };
        // A refused check, or a request that failed (which aborts the transaction): nothing landed.
        tx.onabort = () => reject(refused ?? tx.error ?? new Error('The save could not be written on this phone'));
      }),
  );
}
