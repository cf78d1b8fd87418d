import { z } from './zod';
import { Id, IsoDate, IsoDateTime, SafeString, Text, addDays } from './primitives';
import { GeoPoint } from './geo-point';
import type { Measure } from './plan';
import { OUTCOME_TYPE_IDS, PLACE_KINDS, outcomeType, placeKindFor } from './outcome-types/catalogue';
import { Details } from './outcome-types/fields';
import { checkOutcomeDetails } from './outcome-types/check-details';
import { countsToward } from './tally/match';

export const NOTES_MAX = 2000;
/** Outcomes before this date are typing mistakes, not history. */
export const EARLIEST_OUTCOME_DATE = '2000-01-01';

export { GeoPoint, LOCATION_GOOD_ENOUGH_M } from './geo-point';

/**
 * What an officer logs against an action, exactly as the device pushes it: what kind of thing it
 * was (an outcome type from the catalogue) and its details, when, where and notes. Which of the
 * action's measures it counts toward follows from the type and details (src/domain/tally/rule.ts).
 * The server adds the author, partnership and received time itself: it never trusts the device
 * for them, and a push that tries to send them (or any field not listed here) is refused.
 */
const outcomeInputShape = {
  id: Id,
  actionId: Id,
  type: z.enum(OUTCOME_TYPE_IDS, { error: 'Choose what kind of outcome this is' }),
  /** The type's own fields (checked against the catalogue by checkOutcomeDetails). */
  details: Details,
  occurredOn: IsoDate,
  /**
   * The area it happened in, as its name read when the officer logged it; null means not about one
   * area (district-wide). Kept as logged: renaming the area later does not rewrite history.
   */
  town: z.nullable(Text(80)),
  /**
   * The area's record (partnership-lists.ts), which tallies and reports group by, under its current
   * name. Optional in what a phone pushes: an earlier release sends only the name, and the server
   * finds the area by it. null with town null: not about one area.
   */
  areaId: z.optional(z.nullable(Id)),
  /** Only for types that allow it (public places and events), and never required. */
  location: z.nullable(GeoPoint),
  /** The place in a register it is about (a Safe Place visited), for types that attach to one. */
  placeId: z.nullable(Id),
  notes: SafeString(NOTES_MAX),
  /** When the officer pressed save, by the device's clock (informational: device clocks drift). */
  recordedAt: IsoDateTime,
};
export const OutcomeInput = z.strictObject(outcomeInputShape);
export type OutcomeInput = z.infer<typeof OutcomeInput>;

/**
 * The fields an edit may change. The action and the type stay: an outcome moved to another action,
 * or a training session that was really a workshop, is a new outcome. Details change as a whole.
 */
export const EDITABLE_OUTCOME_FIELDS = ['details', 'occurredOn', 'town', 'areaId', 'location', 'placeId', 'notes'] as const;
export type EditableOutcomeField = (typeof EDITABLE_OUTCOME_FIELDS)[number];

/** An edit: only the fields that changed, so concurrent edits of different fields both stand. */
export const OutcomeChanges = z
  .strictObject({
    details: z.optional(outcomeInputShape.details),
    occurredOn: z.optional(outcomeInputShape.occurredOn),
    town: z.optional(outcomeInputShape.town),
    areaId: outcomeInputShape.areaId,
    location: z.optional(outcomeInputShape.location),
    placeId: z.optional(outcomeInputShape.placeId),
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
  /** The server always says: the area it found, or null. */
  areaId: z.nullable(Id),
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
  /** Dotted path of the field, e.g. "details.attendees". */
  field: string;
  message: string;
}

/**
 * Checks an outcome against the plan it is logged under: the rules zod cannot see alone.
 * Used by the form on the phone (to say what is wrong before saving) and by the server
 * (to refuse what a stale or hostile device sends), so both give the same answer.
 */
export function checkOutcomeAgainstPlan(
  outcome: Pick<OutcomeInput, 'type' | 'details' | 'occurredOn' | 'location' | 'placeId'>,
  measures: readonly Pick<Measure, 'tally'>[],
  today: string,
  /** The place outcome.placeId names, as found in the register; 'missing' when not found; null when placeId is null. */
  place: { kind: string } | 'missing' | null,
): FieldProblem[] {
  const problems: FieldProblem[] = [...checkOutcomeDetails(outcome.type, outcome.details)];
  const type = outcomeType(outcome.type);
  if (!measures.some((m) => m.tally.outcomeType === outcome.type)) {
    problems.unshift({ field: 'type', message: `This action does not count ${type.label.toLowerCase()} outcomes` });
  } else if (problems.length === 0 && !measures.some((m) => countsToward(outcome, m.tally))) {
    // Valid on its own but counted by none of the action's measures: say which answer decides.
    const where = measures.find((m) => m.tally.outcomeType === outcome.type && m.tally.where)?.tally.where;
    problems.push({ field: where ? `details.${where.field}` : 'type', message: 'None of this action’s measures counts this: check the answer' });
  }
  if (outcome.location !== null && !type.allowsLocation) {
    problems.push({ field: 'location', message: `A ${type.label.toLowerCase()} is not logged with a location: it could identify someone’s home` });
  }
  problems.push(...checkOutcomePlace(outcome, place));
  // A day of slack: the device and server may sit either side of midnight.
  if (outcome.occurredOn > addDays(today, 1)) {
    problems.push({ field: 'occurredOn', message: 'Date must be today or in the past' });
  } else if (outcome.occurredOn < EARLIEST_OUTCOME_DATE) {
    problems.push({ field: 'occurredOn', message: 'Date must be in 2000 or later' });
  }
  return problems;
}

/** Whether two values of an editable field are the same (details and location compare by content, key order aside). */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

/** An outcome's place: one only for types that attach to a place, in the right register, and one when the type needs it. */
function checkOutcomePlace(outcome: Pick<OutcomeInput, 'type' | 'details' | 'placeId'>, place: { kind: string } | 'missing' | null): FieldProblem[] {
  const type = outcomeType(outcome.type);
  if (!type.place) return outcome.placeId === null ? [] : [{ field: 'placeId', message: `A ${type.label.toLowerCase()} is not logged against a place` }];
  if (outcome.placeId === null) return type.place.required ? [{ field: 'placeId', message: 'Choose the place' }] : [];
  if (place === 'missing' || place === null) return [{ field: 'placeId', message: 'That place is not in the register' }];
  const kind = placeKindFor(outcome.type, outcome.details);
  if (kind !== null && place.kind !== kind) {
    return [{ field: 'placeId', message: `That place is not in the ${PLACE_KINDS.find((k) => k.value === kind)?.label ?? kind} register` }];
  }
  return [];
}
