import { IsoDate } from '../primitives';
import type { MeasureTally } from '../tally-rule';
import { suggestTally } from '../tally-suggest';
import { parseCsv, CsvSyntaxError, type CsvRow } from './csv';

/**
 * Reads a plan in the sample CSV format (fixtures/plans/README.md): one row per action,
 * measures one per line inside their cell, lead agencies and see-also refs split by ";".
 * Returns the plan shaped as objectives → priorities → actions, and every problem found,
 * by line and column, so nothing is half-imported without the coordinator knowing.
 */

export const ACTION_COLUMNS = ['ref', 'objective', 'priority', 'action', 'measures', 'lead_agency', 'due', 'see_also'] as const;
export const INDICATOR_COLUMNS = ['objective', 'priority', 'indicator'] as const;
const REQUIRED_ACTION_COLUMNS = ['objective', 'priority', 'action'] as const;

export interface ImportProblem {
  line: number;
  column: string | null;
  message: string;
}

export interface MeasureDraft {
  text: string;
  tally: MeasureTally;
}

export interface ActionDraft {
  line: number;
  ref: string | null;
  text: string;
  measures: MeasureDraft[];
  leadAgencies: string[];
  dueOn: string | null;
  seeAlsoRefs: string[];
}

export interface PriorityDraft {
  name: string;
  indicators: string[];
  actions: ActionDraft[];
}

export interface ObjectiveDraft {
  title: string;
  /** Indicators that belong to the whole objective rather than one priority. */
  indicators: string[];
  priorities: PriorityDraft[];
}

export interface PlanDraft {
  objectives: ObjectiveDraft[];
}

export interface PlanImportResult {
  plan: PlanDraft;
  problems: ImportProblem[];
  actionCount: number;
}

export function parsePlanCsv(actionsCsv: string, indicatorsCsv?: string): PlanImportResult {
  const problems: ImportProblem[] = [];
  const plan: PlanDraft = { objectives: [] };
  let actionCount = 0;

  const actionTable = readTable(actionsCsv, ACTION_COLUMNS, REQUIRED_ACTION_COLUMNS, problems);
  const seenRefs = new Map<string, number>();
  for (const row of actionTable?.rows ?? []) {
    const get = (c: (typeof ACTION_COLUMNS)[number]) => cell(row, actionTable!.index, c);
    const objective = get('objective');
    const priority = get('priority');
    const text = get('action');
    const rowProblems: ImportProblem[] = [];
    const need = (value: string, column: string, what: string) => {
      if (!value) rowProblems.push({ line: row.line, column, message: `${what} is empty` });
    };
    need(objective, 'objective', 'The objective');
    need(priority, 'priority', 'The priority');
    need(text, 'action', 'The action');

    const ref = get('ref') || null;
    if (ref !== null) {
      const first = seenRefs.get(ref);
      if (first !== undefined) rowProblems.push({ line: row.line, column: 'ref', message: `Ref ${ref} is already used on line ${first}` });
      else seenRefs.set(ref, row.line);
    }
    const due = get('due');
    let dueOn: string | null = null;
    if (due) {
      if (IsoDate.safeParse(due).success) dueOn = due;
      else rowProblems.push({ line: row.line, column: 'due', message: `"${due}" is not a date in the form YYYY-MM-DD` });
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    const measures = splitLines(get('measures')).map((m) => ({ text: m, tally: suggestTally(m, get('action')) }));
    const action: ActionDraft = {
      line: row.line,
      ref,
      text,
      measures,
      leadAgencies: splitList(get('lead_agency')),
      dueOn,
      seeAlsoRefs: splitList(get('see_also')),
    };
    findPriority(findObjective(plan, objective), priority).actions.push(action);
    actionCount++;
  }

  for (const action of allActions(plan)) {
    for (const seeAlso of action.seeAlsoRefs) {
      if (!seenRefs.has(seeAlso)) {
        problems.push({ line: action.line, column: 'see_also', message: `Ref ${seeAlso} is not an action in this plan` });
      }
    }
  }

  if (indicatorsCsv !== undefined) {
    const table = readTable(indicatorsCsv, INDICATOR_COLUMNS, ['objective', 'indicator'], problems);
    for (const row of table?.rows ?? []) {
      const objective = cell(row, table!.index, 'objective');
      const priority = cell(row, table!.index, 'priority');
      const indicator = cell(row, table!.index, 'indicator');
      if (!objective || !indicator) {
        problems.push({ line: row.line, column: objective ? 'indicator' : 'objective', message: 'Indicator rows need an objective and an indicator' });
        continue;
      }
      const o = findObjective(plan, objective);
      if (priority) findPriority(o, priority).indicators.push(indicator);
      else o.indicators.push(indicator);
    }
  }
  return { plan, problems, actionCount };
}

export function* allActions(plan: PlanDraft): Generator<ActionDraft> {
  for (const o of plan.objectives) for (const p of o.priorities) yield* p.actions;
}

interface Table {
  index: Map<string, number>;
  rows: CsvRow[];
}

function readTable(text: string, known: readonly string[], required: readonly string[], problems: ImportProblem[]): Table | null {
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      problems.push({ line: e.line, column: null, message: e.message });
      return null;
    }
    throw e;
  }
  const [header, ...body] = rows;
  if (!header) {
    problems.push({ line: 1, column: null, message: 'The file is empty' });
    return null;
  }
  const index = new Map<string, number>();
  header.cells.forEach((name, i) => index.set(name.trim().toLowerCase(), i));
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    problems.push({ line: header.line, column: null, message: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (expected ${known.join(', ')})` });
    return null;
  }
  return { index, rows: body };
}

function cell(row: CsvRow, index: Map<string, number>, column: string): string {
  const i = index.get(column);
  return i === undefined ? '' : (row.cells[i] ?? '').trim();
}

function splitLines(value: string): string[] {
  return value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
}

function splitList(value: string): string[] {
  return value.split(';').map((s) => s.trim()).filter(Boolean);
}

function findObjective(plan: PlanDraft, title: string): ObjectiveDraft {
  let o = plan.objectives.find((x) => x.title === title);
  if (!o) {
    o = { title, indicators: [], priorities: [] };
    plan.objectives.push(o);
  }
  return o;
}

function findPriority(objective: ObjectiveDraft, name: string): PriorityDraft {
  let p = objective.priorities.find((x) => x.name === name);
  if (!p) {
    p = { name, indicators: [], actions: [] };
    objective.priorities.push(p);
  }
  return p;
}
