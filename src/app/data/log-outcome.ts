import { checkOutcomeAgainstPlan, OutcomeInput, type FieldProblem } from '../../domain/outcome';
import { localIsoDate } from '../../domain/primitives';
import { toFieldErrors } from '../../domain/api-error';
import type { SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalOutcome } from '../db/local-records';
import { outcomeType } from '../../domain/outcome-types/catalogue';
import { enqueueAt, readNextSeq } from './enqueue';
import { phonePlanCache } from './phone-plan-cache';

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
  options: { confirmDuplicate?: boolean; draftKey?: string } = {},
): Promise<LocalOutcome> {
  const input = parseOutcome(values, now);
  if (Array.isArray(input)) throw new OutcomeNotValidError(input);
  const rulesOf = phonePlanCache(db);
  return db.transaction('rw', [db.outcomes, db.outbox, db.meta, db.plans, db.actions, db.measures, db.places, db.drafts], async () => {
    // Every read at once, then every write at once: each request is a round through Dexie and the
    // browser's IndexedDB process (bench #3). The plan's rules come from memory once read
    // (phone-plan-cache.ts: emptied whenever a pull changes them), so usually the reads are the
    // duplicate guard's and the device's sequence number alone.
    const [rules, place, twin, seq] = await Promise.all([
      rulesOf.rules(input.actionId),
      input.placeId === null ? null : rulesOf.place(input.placeId),
      options.confirmDuplicate ? undefined : findSameDayTwin(db, user.id, input),
      readNextSeq(db),
    ]);
    if (!rules.action) throw new OutcomeNotValidError([GONE_FROM_PLAN]);
    // A problem is still reported before a possible duplicate, as the form expects.
    const problems = checkOutcomeAgainstPlan(input, rules.measures, localIsoDate(now), place === undefined ? 'missing' : place);
    if (problems.length > 0) throw new OutcomeNotValidError(problems);
    if (twin) throw new PossibleDuplicateError(twin);
    const plan = rules.plan;
    if (!plan) throw new OutcomeNotValidError([GONE_FROM_PLAN]);
    const outcome: LocalOutcome = {
      ...input,
      partnershipId: plan.partnershipId,
      authorId: user.id,
      authorName: user.name,
      receivedAt: null,
      version: null,
      deletedAt: null,
      syncState: 'pending',
      server: null,
      localDeleted: false,
    };
    await Promise.all([
      db.outcomes.add(outcome),
      enqueueAt(db, seq, 'outcome.create', input.id, input, now),
      // The next form starts in this town: officers work one town at a time.
      input.town !== null && db.meta.put({ key: 'lastTown', value: input.town }),
      // The draft goes in the same transaction: a crash can never leave both the outcome and its draft.
      options.draftKey && db.drafts.delete(options.draftKey),
    ]);
    return outcome;
  });
}

/**
 * The duplicate guard: the officer's own live outcome of the same type, same action, same day,
 * same town and same place. Double taps and "did that save?" re-entries look exactly like this; two real visits
 * the same day are possible, so the officer is asked, never refused.
 */
async function findSameDayTwin(db: FieldbookDb, authorId: string, input: OutcomeInput): Promise<LocalOutcome | undefined> {
  // By action and day (an index since v5): reading all the action's outcomes cost a save several
  // milliseconds per thousand on the phone (bench #3).
  const sameDay = await db.outcomes.where('[actionId+occurredOn]').equals([input.actionId, input.occurredOn]).toArray();
  return sameDay.find(
    (o) => isLive(o) && o.authorId === authorId && o.type === input.type && o.occurredOn === input.occurredOn && o.town === input.town && (o.placeId ?? null) === input.placeId,
  );
}
