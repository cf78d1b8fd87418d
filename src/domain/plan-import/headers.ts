/**
 * Column headings as coordinators write them. A heading is compared by its key: lower case, "(s)"
 * dropped, only letters and digits kept ("Lead Agency(s)" → "leadagency", "Ref no." → "refno"),
 * so spacing, underscores and punctuation never matter.
 */

export const ACTION_HEADER_ALIASES = {
  ref: ['ref', 'refs', 'ref no', 'ref number', 'reference', 'no', 'number', '#', 'action no', 'action number', 'action ref'],
  objective: ['objective', 'objectives', 'strategic objective', 'pcc objective', 'pcc strategic objective'],
  priority: ['priority', 'priorities', 'theme', 'priority area', 'priority theme'],
  action: ['action', 'actions', 'activity', 'activities', 'what we will do'],
  measures: [
    'measures',
    'measure',
    'target/measures',
    'target/measure',
    'targets',
    'target',
    'how we will measure',
    'how we will measure it',
    'how we will assess our impact',
    'outcomes',
    'performance measures',
  ],
  lead_agency: ['lead agency', 'lead agencies', 'lead', 'lead organisation', 'lead organisations', 'who', 'responsible'],
  due: ['due', 'due date', 'by when', 'deadline', 'timescale', 'timescales', 'target date', 'completion date'],
  see_also: ['see also', 'cross reference', 'cross referenced with', 'related actions', 'related'],
  action_plan: ['action plan', 'action plans', 'programme'],
  description: ['description', 'details'],
} as const satisfies Record<string, readonly string[]>;

export const INDICATOR_HEADER_ALIASES = {
  objective: ACTION_HEADER_ALIASES.objective,
  priority: ACTION_HEADER_ALIASES.priority,
  action_plan: ACTION_HEADER_ALIASES.action_plan,
  indicator: [
    'indicator',
    'indicators',
    'direction of travel indicator',
    'direction of travel indicators',
    'direction of travel',
    'how we will assess our impact on this priority',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ActionColumn = keyof typeof ACTION_HEADER_ALIASES;
export type IndicatorColumn = keyof typeof INDICATOR_HEADER_ALIASES;

/** "Lead Agency(s)" → "leadagency"; a heading of punctuation alone ("#") is kept as written. */
export function headerKey(heading: string): string {
  const lower = heading.toLowerCase().replace(/\(s\)/g, '');
  return lower.replace(/[^\p{L}\p{N}]/gu, '') || lower.replace(/\s/g, '');
}

/** Canonical column for each heading key, built once from an alias table. */
export function aliasLookup<C extends string>(aliases: Readonly<Record<C, readonly string[]>>): ReadonlyMap<string, C> {
  const lookup = new Map<string, C>();
  for (const [column, names] of Object.entries(aliases) as [C, readonly string[]][]) {
    lookup.set(headerKey(column), column);
    for (const name of names) lookup.set(headerKey(name), column);
  }
  return lookup;
}

/** "lead_agency" → "lead agency", for messages. */
export const columnName = (column: string) => column.replace('_', ' ');

const HEADING_HINTS: Record<string, string> = {
  objective: '"Objective" or "Strategic objective"',
  priority: '"Priority", "Theme" or "Priority area"',
  action: '"Action", "Activity" or "What we will do"',
  indicator: '"Indicator" or "Direction of travel indicator"',
};

/** Names what is missing, what was found instead, and what heading would do. */
export function missingColumnsMessage(missing: readonly string[], found: readonly string[]): string {
  const list = (items: readonly string[], last: string) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}` : (items[0] ?? ''));
  const foundText =
    found.length > 0
      ? `found ${list(
          found.map((f) => `"${f}"`),
          'and',
        )}`
      : 'found no column headings';
  const hints = missing.map((m) => HEADING_HINTS[m] ?? `"${columnName(m)}"`).join(', and ');
  return missing.length === 1
    ? `Missing column: ${missing[0]} (${foundText}): head it ${hints}`
    : `Missing columns: ${missing.join(', ')} (${foundText}): head them ${hints}`;
}
