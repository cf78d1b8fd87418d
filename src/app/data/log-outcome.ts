import { checkOutcomeAgainstPlan, OutcomeInput, type FieldProblem } from '../../domain/outcome';
import { localIsoDate } from '../../domain/primitives';
import { toFieldErrors } from '../../domain/api-error';
import type { SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalOutcome, type LocalPlace } from '../db/local-records';
import { saveNewOutcome } from '../db/outcome-save';
import { outcomeType } from '../../domain/outcome-types/catalogue';
import { phonePlanCache, type ActionRules } from './phone-plan-cache';

export class OutcomeNotValidError extends Error {
  override name = 'OutcomeNotValidError';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join('. '));
  }
}

/** Asked before saving a second outcome of the same type, in the same area, on the same day, by the same officer. */
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
 * Saves an outcome on the phone and queues it for the server, in one IndexedDB transaction (the
 * save itself, and the speed decision 36 bought, are app/db/outcome-save.ts's): parsed as the
 * server will parse it, checked against the plan's rules, asked about a possible duplicate, saved.
 */
export async function logOutcome(
  db: FieldbookDb,
  user: Pick<SessionUser, 'id' | 'name'>,
  values: OutcomeFormValues,
  now = new Date(),
  options: { confirmDuplicate?: boolean; draftKey?: string } = {},
): Promise<LocalOutcome> {
  // Parsed as the server will parse it.
  const input = parseOutcome(values, now);
  if (Array.isArray(input)) throw new OutcomeNotValidError(input);
  return saveNewOutcome(db, {
    input,
    now,
    // The plan's rules: from memory once read, or read inside the save's transaction.
    plan: phonePlanCache(db),
    toRecord: (rules, place) => outcomeToSave(user, input, now, rules, place),
    // The duplicate guard, unless the officer has already said to save another.
    refuseTwin: options.confirmDuplicate ? null : (sameDay) => refuseSameDayTwin(sameDay, user.id, input),
    draftKey: options.draftKey,
  });
}

/** The record to store, or the problems the plan's rules find (OutcomeNotValidError). */
function outcomeToSave(user: Pick<SessionUser, 'id' | 'name'>, input: OutcomeInput, now: Date, rules: ActionRules, place: LocalPlace | null | undefined): LocalOutcome {
  if (!rules.action) throw new OutcomeNotValidError([GONE_FROM_PLAN]);
  const problems = checkOutcomeAgainstPlan(input, rules.measures, localIsoDate(now), place === undefined ? 'missing' : place);
  if (problems.length > 0) throw new OutcomeNotValidError(problems);
  if (!rules.plan) throw new OutcomeNotValidError([GONE_FROM_PLAN]);
  return {
    ...input,
    areaId: input.areaId,
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
 * same area and same place, among the outcomes of the input's action and day. Double taps and "did
 * that save?" re-entries look exactly like this; two real visits the same day are possible, so the
 * officer is asked, never refused.
 */
function refuseSameDayTwin(sameDay: LocalOutcome[], authorId: string, input: OutcomeInput): void {
  // Never the outcome being saved: in a one-round save its own add may be in the same round.
  const twin = sameDay.find(
    (o) =>
      o.id !== input.id &&
      isLive(o) &&
      o.authorId === authorId &&
      o.type === input.type &&
      o.occurredOn === input.occurredOn &&
      sameArea(o, input) &&
      (o.placeId ?? null) === input.placeId,
  );
  if (twin) throw new PossibleDuplicateError(twin);
}

/** The same area: by its record when both know it (a rename between them changes nothing), else by the name as logged. */
function sameArea(o: Pick<LocalOutcome, 'areaId' | 'town'>, input: Pick<OutcomeInput, 'areaId' | 'town'>): boolean {
  return o.areaId !== undefined && input.areaId !== undefined ? o.areaId === input.areaId : o.town === input.town;
}
