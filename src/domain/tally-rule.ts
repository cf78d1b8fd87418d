import { z } from './zod';
import { Text } from './primitives';

/**
 * How outcomes logged against a measure add up.
 * - count: every outcome counts as one (a meeting held, a protocol agreed).
 * - sum: the officer says how many (CPN warnings issued, attendees) and those numbers add up.
 * A discriminated union so the field-capture work can add rules (distinct towns, latest milestone
 * state) without changing what is stored for these two.
 */
export const MeasureTally = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count') }),
  z.object({
    kind: z.literal('sum'),
    /** What the number counts, phrased for the question "How many …?". */
    unit: Text(200),
  }),
]);
export type MeasureTally = z.infer<typeof MeasureTally>;

/**
 * Suggests a tally rule from a measure's wording, for plans imported from prose.
 * "number of CPNs issued" → sum of CPNs issued; "draft procedure considered and adopted" → count.
 */
export function suggestTally(measureText: string): MeasureTally {
  const text = measureText.trim();
  const numberOf = /^(?:the\s+)?number (?:and \w+ )?of\s+(.+)$/i.exec(text);
  if (numberOf?.[1]) return { kind: 'sum', unit: trimUnit(numberOf[1]) };
  const includingCount = /number of (attendees|people|participants|staff)/i.exec(text);
  if (includingCount?.[1]) return { kind: 'sum', unit: includingCount[1].toLowerCase() };
  return { kind: 'count' };
}

function trimUnit(phrase: string): string {
  // Keep the head of the phrase: "CPN warnings issued, location and outcome" → "CPN warnings issued".
  const head = phrase.split(/,|;| - /)[0] ?? phrase;
  return head.trim().slice(0, 200) || phrase.slice(0, 200);
}
