import { isSafeText } from '../primitives';
import type { CsvRow } from './csv';
import { columnName, type ActionColumn } from './headers';
import type { LevelColumn } from './levels';
import { sameName } from './plan-tree';
import { quote, type ImportMessages } from './report';
import { cellOf, type Table } from './table';
import { cleanText } from './text';

/**
 * First pass over the actions file: rows into actions, before any cell is checked or split.
 * This is where the shapes of a plan pasted from Word are undone: a heading row with no action,
 * and a row that only continues the cells of the action above it.
 */
export interface SourceCell {
  line: number;
  text: string;
}

export interface RawAction {
  line: number;
  ref: string;
  levels: Record<LevelColumn, string>;
  title: string;
  descriptions: string[];
  measures: SourceCell[];
  leadAgencies: SourceCell[];
  due: SourceCell | null;
  seeAlso: SourceCell[];
}

const LEVEL_COLUMNS: readonly LevelColumn[] = ['objective', 'priority', 'action_plan'];
const CHECKED_COLUMNS: readonly ActionColumn[] = [
  'ref',
  'objective',
  'priority',
  'action_plan',
  'action',
  'description',
  'measures',
  'lead_agency',
  'due',
  'see_also',
];

export function readActionRows(table: Table<ActionColumn>, report: ImportMessages): RawAction[] {
  const actions: RawAction[] = [];
  let last: RawAction | null = null;
  for (const row of table.rows) {
    const raw = (c: ActionColumn) => cellOf(table, row, c);
    const unsafe = CHECKED_COLUMNS.filter((c) => !isSafeText(raw(c)));
    for (const c of unsafe) {
      report.problem('actions', row.line, c, `The ${columnName(c)} contains a NUL character or broken Unicode, which cannot be saved: retype this cell`);
    }
    if (unsafe.length > 0) {
      last = null;
      continue;
    }
    const get = (c: ActionColumn) => cleanText(raw(c));
    const levelCells = { objective: get('objective'), priority: get('priority'), action_plan: get('action_plan') };
    const source = (c: ActionColumn): SourceCell[] => (raw(c).trim() ? [{ line: row.line, text: raw(c) }] : []);
    const continues = (['measures', 'lead_agency', 'description', 'see_also', 'due'] as const).filter((c) => get(c));
    const sameLevels = last !== null && LEVEL_COLUMNS.every((c) => !levelCells[c] || sameName(levelCells[c], last!.levels[c]));
    const spills = !get('ref') && continues.some((c) => c !== 'due') && last !== null && sameLevels;
    let title = get('action');
    let description = get('description');
    if (!title && description && !spills) {
      report.note('actions', row.line, 'action', `Line ${row.line} has no action title, so its description was used as the action`);
      [title, description] = [description, ''];
    }
    if (title) {
      last = {
        line: row.line,
        ref: get('ref'),
        levels: levelCells,
        title,
        descriptions: description ? [description] : [],
        measures: source('measures'),
        leadAgencies: source('lead_agency'),
        due: source('due')[0] ?? null,
        seeAlso: source('see_also'),
      };
      actions.push(last);
      continue;
    }

    const headings = LEVEL_COLUMNS.map((c) => levelCells[c]).filter(Boolean);
    if (spills && last) {
      report.note('actions', row.line, null, spill(last, row, continues, raw));
      continue;
    }
    if (!get('ref') && continues.length === 0 && headings.length > 0) {
      report.note(
        'actions',
        row.line,
        null,
        `Line ${row.line} has no action, only ${headings.map((h) => quote(h)).join(' and ')}: it was read as a heading and skipped`,
      );
      last = null;
      continue;
    }
    if (!get('ref') && continues.length === 0) {
      report.note('actions', row.line, null, `Line ${row.line} has nothing in the columns Fieldbook reads, so it was skipped`);
      continue;
    }
    const hint = continues.includes('measures') && !last ? ': add the action these measures belong to' : '';
    report.problem('actions', row.line, 'action', `The action is empty${hint}`);
    last = null;
  }
  return actions;
}

/** A cell that ran over several rows in Word arrives as rows with no action: join them to the action above. */
function spill(
  last: RawAction,
  row: CsvRow,
  columns: readonly ('measures' | 'lead_agency' | 'description' | 'see_also' | 'due')[],
  raw: (c: ActionColumn) => string,
): string {
  const cell = { line: row.line, text: '' };
  let ignoredDue = '';
  for (const c of columns) {
    const text = raw(c);
    if (c === 'measures') last.measures.push({ ...cell, text });
    if (c === 'lead_agency') last.leadAgencies.push({ ...cell, text });
    if (c === 'see_also') last.seeAlso.push({ ...cell, text });
    if (c === 'description') last.descriptions.push(cleanText(text));
    if (c === 'due' && last.due === null) last.due = { ...cell, text };
    else if (c === 'due') ignoredDue = `; its due date ${quote(text)} was ignored because that action already has one`;
  }
  const names = columns.filter((c) => c !== 'due' || !ignoredDue).map((c) => (c === 'see_also' ? 'see-also refs' : c === 'due' ? 'due date' : columnName(c)));
  const what = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)} were` : `${names[0]} ${names[0] === 'measures' ? 'were' : 'was'}`;
  return `Line ${row.line} has no action, so its ${what} added to the action on line ${last.line}${ignoredDue}`;
}
