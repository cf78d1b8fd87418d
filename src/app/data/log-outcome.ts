import { checkOutcomeAgainstPlan, OutcomeInput, type FieldProblem } from '../../domain/outcome';
import { localIsoDate } from '../../domain/primitives';
import { toFieldErrors } from '../../domain/api-error';
import type { SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome } from '../db/local-records';
import { enqueue } from './enqueue';

export class OutcomeNotValidError extends Error {
  override name = 'OutcomeNotValidError';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join('. '));
  }
}

/** What the form collects; the id and timestamps are added here. */
export type OutcomeFormValues = Omit<OutcomeInput, 'id' | 'recordedAt'>;

/** Checks an outcome with the same rules the server applies: the problems by field, or the input to save. */
export async function validateOutcome(db: FieldbookDb, values: OutcomeFormValues & { id?: string }, now: Date): Promise<FieldProblem[] | OutcomeInput> {
  const candidate = { ...values, id: values.id ?? crypto.randomUUID(), recordedAt: now.toISOString() };
  const parsed = OutcomeInput.safeParse(candidate);
  if (!parsed.success) return toFieldErrors(parsed.error.issues).map((e) => ({ field: e.path, message: e.message }));
  const [action, measure] = await Promise.all([db.actions.get(values.actionId), db.measures.get(values.measureId)]);
  if (!action) return [{ field: 'actionId', message: 'This action is no longer in the plan on this phone' }];
  const problems = checkOutcomeAgainstPlan(parsed.data, action, measure, localIsoDate(now));
  return problems.length > 0 ? problems : parsed.data;
}

/**
 * Saves an outcome on the phone and queues it for the server, in ONE IndexedDB transaction:
 * the record, its outbox entry and the device's next sequence number land together or not at
 * all, whatever happens to the tab, the battery or the signal.
 */
export async function logOutcome(db: FieldbookDb, user: Pick<SessionUser, 'id' | 'name'>, values: OutcomeFormValues, now = new Date()): Promise<LocalOutcome> {
  const checked = await validateOutcome(db, values, now);
  if (Array.isArray(checked)) throw new OutcomeNotValidError(checked);
  const input = checked;
  return db.transaction('rw', [db.outcomes, db.outbox, db.meta, db.plans, db.actions], async () => {
    const action = await db.actions.get(input.actionId);
    const plan = action && (await db.plans.get(action.planId));
    if (!plan) throw new OutcomeNotValidError([{ field: 'actionId', message: 'This action is no longer in the plan on this phone' }]);
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
    await db.outcomes.add(outcome);
    await enqueue(db, 'outcome.create', input.id, input, now);
    return outcome;
  });
}
