import { isSafeText } from '../primitives';
import type { CsvRow } from './csv';
import { columnName, INDICATOR_HEADER_ALIASES, missingColumnsMessage, type IndicatorColumn } from './headers';
import { LEVEL_NAMES, PLAN_PRIORITIES, type LevelColumn, type Levels } from './levels';
import { splitItems } from './measures-split';
import type { PlanTree } from './plan-tree';
import { formatCount, quote, type ImportMessages } from './report';
import { cellOf, readTable, type Table } from './table';
import { cleanText, LIMITS } from './text';

/**
 * The direction-of-travel indicators file: each row an indicator for a priority, or for a whole
 * objective when the priority is blank. A file without an objective column follows the levels
 * the actions file used, so "How we will assess our impact on this priority" lands on the
 * objective a seed-001-shaped plan made of that priority.
 */
export function readIndicators(text: string, actionLevels: Levels | null, tree: PlanTree, report: ImportMessages): void {
  const table = readTable(text, 'indicators', INDICATOR_HEADER_ALIASES, report);
  if (!table) return;
  const has = (c: IndicatorColumn) => table.index.has(c);
  const missing = [...(has('objective') || has('priority') || has('action_plan') ? [] : ['objective']), ...(has('indicator') ? [] : ['indicator'])];
  if (missing.length > 0) {
    report.problem('indicators', table.headerLine, null, missingColumnsMessage(missing, table.headings));
    return;
  }
  if (table.rows.length === 0) report.note('indicators', table.headerLine, null, 'The file has a header but no indicators');

  for (const row of table.rows) {
    const unsafe = (['objective', 'priority', 'action_plan', 'indicator'] as const).filter((c) => !isSafeText(cellOf(table, row, c)));
    for (const c of unsafe) {
      report.problem('indicators', row.line, c, `The ${columnName(c)} contains a NUL character or broken Unicode, which cannot be saved: retype this cell`);
    }
    if (unsafe.length === 0) addIndicators(table, row, actionLevels, tree, report);
  }
}

function addIndicators(table: Table<IndicatorColumn>, row: CsvRow, actionLevels: Levels | null, tree: PlanTree, report: ImportMessages): void {
  const get = (c: IndicatorColumn) => cleanText(cellOf(table, row, c));
  const problem = (column: string | null, message: string) => report.problem('indicators', row.line, column, message);
  const place = placeOf(get, (c) => table.index.has(c), actionLevels, tree);
  const indicators = splitItems(cellOf(table, row, 'indicator'));
  if ('problem' in place) {
    problem(place.column, place.problem);
    return;
  }
  if (!place.objective || indicators.length === 0) {
    const column = place.objective ? 'indicator' : place.objectiveColumn;
    problem(column, `Indicator rows need an objective and an indicator: this row has no ${columnName(column)}`);
    return;
  }
  const tooLong = (what: string, value: string, max: number) =>
    `The ${what} ${quote(value, 40)} is ${formatCount(value.length)} characters long; Fieldbook can keep at most ${formatCount(max)}: shorten it`;
  const before = report.problems.length;
  if (place.objective.length > LIMITS.objective) problem(place.objectiveColumn, tooLong(LEVEL_NAMES[place.objectiveColumn], place.objective, LIMITS.objective));
  if (place.priority.length > LIMITS.priority) problem(place.priorityColumn, tooLong(LEVEL_NAMES[place.priorityColumn], place.priority, LIMITS.priority));
  for (const indicator of indicators) {
    if (indicator.length > LIMITS.indicator) problem('indicator', tooLong('indicator', indicator, LIMITS.indicator));
  }
  if (report.problems.length > before) return;

  const where = { file: 'indicators' as const, line: row.line };
  const { objective, added } = tree.objective(place.objective, { ...where, column: place.objectiveColumn });
  if (added && actionLevels)
    report.note(
      'indicators',
      row.line,
      place.objectiveColumn,
      `The ${LEVEL_NAMES[place.objectiveColumn]} "${place.objective}" is not in the actions file: it was added with no actions`,
    );
  if (!place.priority) {
    objective.indicators.push(...indicators);
    return;
  }
  const { priority, added: newPriority } = tree.priority(objective, place.priority, { ...where, column: place.priorityColumn });
  if (newPriority && !added && actionLevels) {
    report.note(
      'indicators',
      row.line,
      place.priorityColumn,
      `The ${LEVEL_NAMES[place.priorityColumn]} "${place.priority}" is not in the actions file under "${objective.title}": it was added with no actions`,
    );
  }
  priority.indicators.push(...indicators);
}

type Place = { objective: string; objectiveColumn: LevelColumn; priority: string; priorityColumn: LevelColumn } | { problem: string; column: string };

/** Where a row's indicators go, following the levels the actions file used when this file has no objective column. */
function placeOf(get: (c: IndicatorColumn) => string, has: (c: IndicatorColumn) => boolean, actionLevels: Levels | null, tree: PlanTree): Place {
  if (has('objective')) return { objective: get('objective'), objectiveColumn: 'objective', priority: get('priority'), priorityColumn: 'priority' };
  if (actionLevels?.objectiveFrom === 'priority')
    return { objective: get('priority'), objectiveColumn: 'priority', priority: get('action_plan'), priorityColumn: 'action_plan' };
  const priorityColumn = has('priority') ? 'priority' : 'action_plan';
  const name = get(priorityColumn);
  if (actionLevels?.objectiveFrom === null) return { objective: PLAN_PRIORITIES, objectiveColumn: priorityColumn, priority: name, priorityColumn };
  if (!name) return { problem: `Indicator rows need an objective and an indicator: this row has no ${LEVEL_NAMES[priorityColumn]}`, column: priorityColumn };
  const holders = tree.objectivesWithPriority(name);
  if (holders.length === 1) return { objective: holders[0]!.title, objectiveColumn: priorityColumn, priority: name, priorityColumn };
  return {
    column: priorityColumn,
    problem:
      holders.length === 0
        ? `The ${LEVEL_NAMES[priorityColumn]} "${name}" is not in the actions file, and without an objective column Fieldbook cannot tell where its indicator goes`
        : `The ${LEVEL_NAMES[priorityColumn]} "${name}" is under more than one objective: add an objective column to say which`,
  };
}
