import { Dexie } from 'dexie';
import { checkOutcomeAgainstPlan, OutcomeInput, type FieldProblem } from '../../domain/outcome';
import { localIsoDate } from '../../domain/primitives';
import { toFieldErrors } from '../../domain/api-error';
import type { SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalOutcome, type LocalPlace, type MetaEntry } from '../db/local-records';
import { packOutcome, unpackOutcome } from '../db/server-copy';
import { outcomeType } from '../../domain/outcome-types/catalogue';
import { enqueueAt, nextSeqFrom, outboxEntry } from './enqueue';
import { announceRawWrites, type RawWrite } from './dexie-change-notice';
import { phonePlanCache, type ActionRules } from './phone-plan-cache';

export class OutcomeNotValidError extends Error {
  override name = 'OutcomeNotValidError';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join('. '));
  }
}

/** Asked before saving a second outcome of the same type, in the same town, on the same day, by the same officer. */
export class PossibleDuplicateError extends Error {
  override name = 'PossibleDuplicateError';
  constructor(readonly existing: LocalOutcome) {
    super(`You already logged ${outcomeType(existing.type).label.toLowerCase()} ${existing.placeId ? 'at this place ' : existing.town ? `in ${existing.town} ` : ''}on this day. Save another one?`);
  }
}

const GONE_FROM_PLAN: FieldProblem = { field: 'actionId', message: 'This action is no longer in the plan on this phone' };

/** What the form collects; the id and timestamps are added here. */
export type OutcomeFormValues = Omit<OutcomeInput, 'id' | 'recordedAt'>;

/** Checks an outcome with the same rules the server applies: the problems by field, or the input to save. */
export async function validateOutcome(db: FieldbookDb, values: OutcomeFormValues & { id?: string }, now: Date): Promise<FieldProblem[] | OutcomeInput> {
  const parsed = parseOutcome(values, now);
  if (Array.isArray(parsed)) return parsed;
  const problems = await checkAgainstPhonePlan(db, parsed, now);
  return problems.length > 0 ? problems : parsed;
}

function parseOutcome(values: OutcomeFormValues & { id?: string }, now: Date): FieldProblem[] | OutcomeInput {
  const candidate = { ...values, id: values.id ?? crypto.randomUUID(), recordedAt: now.toISOString() };
  const parsed = OutcomeInput.safeParse(candidate);
  return parsed.success ? parsed.data : toFieldErrors(parsed.error.issues).map((e) => ({ field: e.path, message: e.message }));
}

/** The plan's rules, read from the phone's copy (actions, measures, places): inside a transaction over them, or on its own. */
async function checkAgainstPhonePlan(db: FieldbookDb, input: OutcomeInput, now: Date): Promise<FieldProblem[]> {
  const [action, measures, place] = await Promise.all([
    db.actions.get(input.actionId),
    db.measures.where('actionId').equals(input.actionId).toArray(),
    input.placeId === null ? null : db.places.get(input.placeId),
  ]);
  if (!action) return [GONE_FROM_PLAN];
  return checkOutcomeAgainstPlan(input, measures, localIsoDate(now), place === undefined ? 'missing' : place);
}

/**
 * Saves an outcome on the phone and queues it for the server, in ONE IndexedDB transaction:
 * the record, its outbox entry and the device's next sequence number land together or not at
 * all, whatever happens to the tab, the battery or the signal. The plan checks and the duplicate
 * guard read inside that same transaction: IndexedDB's cost is per transaction, and four of them
 * made a save 8× a bare put (bench #3).
 */
export async function logOutcome(
  db: FieldbookDb,
  user: Pick<SessionUser, 'id' | 'name'>,
  values: OutcomeFormValues,
  now = new Date(),
  options: SaveOptions = {},
): Promise<LocalOutcome> {
  const input = parseOutcome(values, now);
  if (Array.isArray(input)) throw new OutcomeNotValidError(input);
  const rulesOf = phonePlanCache(db);
  const generation = rulesOf.generation();
  const known = rulesOf.known(input.actionId, input.placeId);
  const hint = hints.get(db);
  // The raw one-round save needs the database Dexie has open; the usual save opens it.
  if (known && hint && db.isOpen()) {
    try {
      return await saveInOneRound(db, user, input, now, options, known, hint, generation);
    } catch (e) {
      // Another writer (a place added, an edit, another tab) took the number, or a pull changed
      // the plan before this transaction ran: read everything afresh.
      if (!(e instanceof HintMoved) && !(e instanceof StaleRules)) throw e;
      hints.delete(db);
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveAfterReading(db, user, input, now, options);
    } catch (e) {
      // A pull committed between this transaction's creation and its first request: again, from
      // the tables (the cache is empty now). Bounded, though two pulls in a row are already rare.
      if (!(e instanceof StaleRules) || attempt >= 3) throw e;
    }
  }
}

type SaveOptions = { confirmDuplicate?: boolean; draftKey?: string };
type Known = NonNullable<ReturnType<ReturnType<typeof phonePlanCache>['known']>>;
const SAVE_STORES = (db: FieldbookDb) => [db.outcomes, db.outbox, db.meta, db.plans, db.actions, db.measures, db.places, db.drafts];

/**
 * What this tab last saw in meta after its own save: the device's next sequence number and the
 * last town. Only ever a guess, checked inside the transaction that relies on it.
 */
type SeqHint = { nextSeq: number; lastTown: string | number | undefined };
const hints = new WeakMap<FieldbookDb, SeqHint>();
class HintMoved extends Error {}
/** The plan in memory was emptied while this save waited for its transaction: its check is void. */
class StaleRules extends Error {}

/** The usual save: reads first (the plan's rules unless in memory, the duplicate guard, meta), then writes. */
async function saveAfterReading(db: FieldbookDb, user: Pick<SessionUser, 'id' | 'name'>, input: OutcomeInput, now: Date, options: SaveOptions): Promise<LocalOutcome> {
  const rulesOf = phonePlanCache(db);
  return db.transaction('rw', SAVE_STORES(db), async () => {
    const generation = rulesOf.generation();
    // Every read at once, then every write at once: each request is a round through Dexie and the
    // browser's IndexedDB process (bench #3). The plan's rules come from memory once read
    // (phone-plan-cache.ts: emptied whenever a pull changes them).
    const [rules, place, twin, [nextSeq, lastTown]] = await Promise.all([
      rulesOf.rules(input.actionId),
      input.placeId === null ? null : rulesOf.place(input.placeId),
      options.confirmDuplicate ? undefined : findSameDayTwin(db, user.id, input),
      db.meta.bulkGet(['nextSeq', 'lastTown']),
    ]);
    if (rulesOf.generation() !== generation) throw new StaleRules();
    // A problem is still reported before a possible duplicate, as the form expects.
    const outcome = outcomeToSave(user, input, now, rules, place);
    if (twin) throw new PossibleDuplicateError(twin);
    const seq = nextSeqFrom(nextSeq);
    await Promise.all([
      db.outcomes.add(outcome),
      enqueueAt(db, seq, 'outcome.create', input.id, input, now),
      // The next form starts in this town: officers work one town at a time (so it rarely changes,
      // and a put that changes nothing is still a request).
      input.town !== null && input.town !== lastTown?.value && db.meta.put({ key: 'lastTown', value: input.town }),
      // The draft goes in the same transaction: a crash can never leave both the outcome and its draft.
      options.draftKey && db.drafts.delete(options.draftKey),
    ]);
    hints.set(db, { nextSeq: seq + 1, lastTown: input.town ?? lastTown?.value });
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
 * more than IndexedDB itself (bench #3). What Dexie would have done besides is done here: the
 * outcome is stored as serverCopyMiddleware stores it (packOutcome; a new outcome has no server
 * copy), the twin is read back as it reads it (unpackOutcome), and the committed writes are
 * announced to every live query as Dexie announces them (announceRawWrites). No Dexie hook is
 * registered on these tables (a hook would not see these writes).
 */
function saveInOneRound(db: FieldbookDb, user: Pick<SessionUser, 'id' | 'name'>, input: OutcomeInput, now: Date, options: SaveOptions, known: Known, hint: SeqHint, generation: number): Promise<LocalOutcome> {
  const outcome = outcomeToSave(user, input, now, known.rules, known.place);
  const entry = outboxEntry(hint.nextSeq, 'outcome.create', input.id, input, now);
  const counter: MetaEntry = { key: 'nextSeq', value: hint.nextSeq + 1 };
  const town: MetaEntry | null = input.town === null ? null : { key: 'lastTown', value: input.town };
  // Created where Dexie creates its own transactions (its next tick, in its queue), so one that
  // was asked for before this save (a pull started in the same moment) still runs first, and
  // this save's reads see what it wrote.
  return Dexie.Promise.resolve().then(() => new Promise<LocalOutcome>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.backendDB().transaction(options.draftKey ? ['outcomes', 'outbox', 'meta', 'drafts'] : ['outcomes', 'outbox', 'meta'], 'readwrite');
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
    const sameDay = options.confirmDuplicate ? null : outcomes.index('[actionId+occurredOn]').getAll([input.actionId, input.occurredOn]);
    const nextSeq = meta.get('nextSeq');
    const lastTown = meta.get('lastTown');
    outcomes.add(packOutcome(outcome));
    tx.objectStore('outbox').add(entry);
    meta.put(counter);
    // The next form starts in this town: officers work one town at a time (so it rarely changes).
    if (town && town.value !== hint.lastTown) {
      meta.put(town);
      writes.push({ table: 'meta', put: town });
    }
    // The draft goes in the same transaction: a crash can never leave both the outcome and its draft.
    if (options.draftKey) {
      tx.objectStore('drafts').delete(options.draftKey);
      writes.push({ table: 'drafts', deleted: options.draftKey });
    }
    let refused: Error | undefined;
    // The last read: its answer comes after the others' (requests run in order).
    lastTown.onsuccess = () => {
      try {
        if (phonePlanCache(db).generation() !== generation) throw new StaleRules();
        const twin = sameDay && sameDayTwin((sameDay.result as unknown[]).map(unpackOutcome), user.id, input);
        if (twin) throw new PossibleDuplicateError(twin);
        if (nextSeqFrom(nextSeq.result as MetaEntry | undefined) !== hint.nextSeq) throw new HintMoved();
        // Another tab changed the last town since: this save's town is still the last one.
        if (town && town.value === hint.lastTown && (lastTown.result as MetaEntry | undefined)?.value !== town.value) {
          meta.put(town);
          writes.push({ table: 'meta', put: town });
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
      hints.set(db, { nextSeq: hint.nextSeq + 1, lastTown: town?.value ?? (lastTown.result as MetaEntry | undefined)?.value });
      announceRawWrites(db, writes);
      resolve(outcome);
    };
    // A refused check, or a request that failed (which aborts the transaction): nothing landed.
    tx.onabort = () => reject(refused ?? tx.error ?? new Error('The save could not be written on this phone'));
  }));
}

/** The record to store, or the problems the plan's rules find (OutcomeNotValidError). */
function outcomeToSave(user: Pick<SessionUser, 'id' | 'name'>, input: OutcomeInput, now: Date, rules: ActionRules, place: LocalPlace | null | undefined): LocalOutcome {
  if (!rules.action) throw new OutcomeNotValidError([GONE_FROM_PLAN]);
  const problems = checkOutcomeAgainstPlan(input, rules.measures, localIsoDate(now), place === undefined ? 'missing' : place);
  if (problems.length > 0) throw new OutcomeNotValidError(problems);
  if (!rules.plan) throw new OutcomeNotValidError([GONE_FROM_PLAN]);
  return {
    ...input,
    partnershipId: rules.plan.partnershipId,
    authorId: user.id,
    authorName: user.name,
    receivedAt: null,
    version: null,
    deletedAt: null,
    syncState: 'pending',
    server: null,
    localDeleted: false,
  };
}

/**
 * The duplicate guard: the officer's own live outcome of the same type, same action, same day,
 * same town and same place. Double taps and "did that save?" re-entries look exactly like this; two real visits
 * the same day are possible, so the officer is asked, never refused.
 */
async function findSameDayTwin(db: FieldbookDb, authorId: string, input: OutcomeInput): Promise<LocalOutcome | undefined> {
  // By action and day (an index since v5): reading all the action's outcomes cost a save several
  // milliseconds per thousand on the phone (bench #3).
  return sameDayTwin(await db.outcomes.where('[actionId+occurredOn]').equals([input.actionId, input.occurredOn]).toArray(), authorId, input);
}

/** The twin among the outcomes of the input's action and day. */
function sameDayTwin(sameDay: LocalOutcome[], authorId: string, input: OutcomeInput): LocalOutcome | undefined {
  // Never the outcome being saved: in a one-round save its own add may be in the same round.
  return sameDay.find(
    (o) => o.id !== input.id && isLive(o) && o.authorId === authorId && o.type === input.type && o.occurredOn === input.occurredOn && o.town === input.town && (o.placeId ?? null) === input.placeId,
  );
}
