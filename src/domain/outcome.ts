import { z } from './zod';
import { Id, Int, IsoDate, IsoDateTime, SafeString, Text, addDays } from './primitives';
import type { Action, Measure } from './plan';

export const NOTES_MAX = 2000;
export const QUANTITY_MAX = 100_000;
/** Outcomes before this date are typing mistakes, not history. */
export const EARLIEST_OUTCOME_DATE = '2000-01-01';

/**
 * What an officer logs against an action, exactly as the device pushes it.
 * The server adds the author, partnership and received time itself: it never trusts the device
 * for them, and a push that tries to send them (or any field not listed here) is refused.
 */
const outcomeInputShape = {
  id: Id,
  actionId: Id,
  measureId: Id,
  occurredOn: IsoDate,
  /** How many, for measures that count something; null for measures where each outcome counts as one. */
  quantity: z.nullable(Int(1, QUANTITY_MAX)),
  /** null means the outcome is not about one town (district-wide). */
  town: z.nullable(Text(80)),
  notes: SafeString(NOTES_MAX),
  /** When the officer pressed save, by the device's clock (informational: device clocks drift). */
  recordedAt: IsoDateTime,
};
export const OutcomeInput = z.strictObject(outcomeInputShape);
export type OutcomeInput = z.infer<typeof OutcomeInput>;

/** The fields an edit may change. The action stays: an outcome moved to another action is a new outcome. */
export const EDITABLE_OUTCOME_FIELDS = ['measureId', 'occurredOn', 'quantity', 'town', 'notes'] as const;
export type EditableOutcomeField = (typeof EDITABLE_OUTCOME_FIELDS)[number];

/** An edit: only the fields that changed, so concurrent edits of different fields both stand. */
export const OutcomeChanges = z
  .strictObject({
    measureId: z.optional(outcomeInputShape.measureId),
    occurredOn: z.optional(outcomeInputShape.occurredOn),
    quantity: z.optional(outcomeInputShape.quantity),
    town: z.optional(outcomeInputShape.town),
    notes: z.optional(outcomeInputShape.notes),
  })
  .check(z.refine((c) => Object.keys(c).length > 0, 'An edit must change at least one field'));
export type OutcomeChanges = z.infer<typeof OutcomeChanges>;

/** The outcome with the changed fields replaced; everything else as it was. */
export function applyOutcomeChanges<T extends Record<EditableOutcomeField, unknown>>(outcome: T, changes: OutcomeChanges): T {
  const next = { ...outcome };
  for (const field of EDITABLE_OUTCOME_FIELDS) {
    if (field in changes) (next as Record<string, unknown>)[field] = changes[field];
  }
  return next;
}

/** An outcome as the server holds it and sends it back in pulls (not strict: newer servers may add fields). */
export const OutcomeRecord = z.object({
  ...outcomeInputShape,
  /** The server's version of this outcome: an edit says which version it was based on. */
  version: z.int(),
  /** Set when deleted: the pull sends the deletion (a tombstone) so every device removes it too. */
  deletedAt: z.nullable(IsoDateTime),
  partnershipId: Id,
  authorId: Id,
  authorName: z.string(),
  receivedAt: IsoDateTime,
  /** null when withheld: officers see only their own notes; coordinators see all. */
  notes: z.nullable(z.string().check(z.maxLength(NOTES_MAX))),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

export interface FieldProblem {
  /** Dotted path of the field, e.g. "quantity". */
  field: string;
  message: string;
}

/**
 * Checks an outcome against the plan it is logged under: the rules zod cannot see alone.
 * Used by the form on the phone (to say what is wrong before saving) and by the server
 * (to refuse what a stale or hostile device sends), so both give the same answer.
 */
export function checkOutcomeAgainstPlan(
  outcome: OutcomeInput,
  action: Pick<Action, 'id'>,
  measure: Pick<Measure, 'id' | 'actionId' | 'tally'> | undefined,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!measure || measure.actionId !== action.id || outcome.measureId !== measure.id) {
    problems.push({ field: 'measureId', message: 'Choose one of this action’s measures' });
  } else if (measure.tally.kind === 'sum' && outcome.quantity === null) {
    problems.push({ field: 'quantity', message: `Enter how many ${measure.tally.unit}` });
  } else if (measure.tally.kind === 'count' && outcome.quantity !== null) {
    problems.push({ field: 'quantity', message: 'This measure counts each outcome once: leave the number out' });
  }
  // A day of slack: the device and server may sit either side of midnight.
  if (outcome.occurredOn > addDays(today, 1)) {
    problems.push({ field: 'occurredOn', message: 'Date must be today or in the past' });
  } else if (outcome.occurredOn < EARLIEST_OUTCOME_DATE) {
    problems.push({ field: 'occurredOn', message: 'Date must be in 2000 or later' });
  }
  return problems;
}
