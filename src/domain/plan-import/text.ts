/**
 * Tidies text pasted from Word or a spreadsheet, and holds the lengths the plan schema allows
 * (src/domain/plan.ts), so a too-long cell is reported here, by line, rather than refused on save.
 */

export const LIMITS = {
  objective: 500,
  priority: 200,
  action: 2000,
  measure: 1000,
  indicator: 1000,
  leadAgency: 300,
  leadAgencies: 20,
  ref: 20,
  seeAlsoRefs: 50,
} as const;

// Word pastes no-break and zero-width spaces; none of them is ever meant.
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** One line: invisible characters dropped, runs of spaces collapsed, trimmed. */
export function cleanLine(value: string): string {
  return value.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').replace(/ {2,}/g, ' ').trim();
}

/** A cell that is one piece of text however it was wrapped: line breaks become spaces. */
export function cleanText(value: string): string {
  return cleanLine(value.replace(/\r\n?|\n/g, ' '));
}

/** A cell whose line breaks mean something (measures, lead agencies): each line cleaned, blank lines kept out. */
export function cleanLines(value: string): string[] {
  return value
    .split(/\r\n?|\n/)
    .map(cleanLine)
    .filter(Boolean);
}
