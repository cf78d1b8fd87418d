import { addAction, type ActionContext } from './action-draft';
import { readActionRows } from './action-rows';
import type { PlanDraft } from './draft';
import { ACTION_HEADER_ALIASES, missingColumnsMessage } from './headers';
import { readIndicators } from './indicators';
import { levelsNote, levelsOf, type Levels } from './levels';
import { PlanTree } from './plan-tree';
import { ImportMessages, type ImportNote, type ImportProblem } from './report';
import { readTable } from './table';

/**
 * Reads a plan from CSV: the sample format (fixtures/plans/README.md) and the shapes real plans
 * take once pasted into a spreadsheet (headings in their own words, action plans and activities,
 * measures as prose, dates as typed). Returns the plan shaped as objectives → priorities → actions,
 * every problem (which blocks saving), and a note for everything accepted but adjusted, each by
 * file, line and column, so nothing is half-imported or changed without the coordinator knowing.
 */

export type { ImportFile, ImportProblem, ImportNote } from './report';
export type { MeasureDraft, ActionDraft, PriorityDraft, ObjectiveDraft, PlanDraft } from './draft';
export { allActions } from './draft';
export { PLAN_PRIORITIES } from './levels';

/** The canonical columns of the sample format, in its order. */
export const ACTION_COLUMNS = ['ref', 'objective', 'priority', 'action', 'measures', 'lead_agency', 'due', 'see_also'] as const;
/** Columns some plans add: the action plan an activity belongs to, and a description under its title. */
export const OPTIONAL_ACTION_COLUMNS = ['action_plan', 'description'] as const;
export const INDICATOR_COLUMNS = ['objective', 'priority', 'indicator'] as const;

export interface PlanImportResult {
  plan: PlanDraft;
  /** When there are any, nothing is saved. */
  problems: ImportProblem[];
  notes: ImportNote[];
  actionCount: number;
}

export function parsePlanCsv(actionsCsv: string, indicatorsCsv?: string): PlanImportResult {
  const report = new ImportMessages();
  const plan: PlanDraft = { objectives: [] };
  const tree = new PlanTree(plan, report);
  const levels = readActions(actionsCsv, tree, report);
  if (indicatorsCsv !== undefined) readIndicators(indicatorsCsv, levels, tree, report);
  let actionCount = 0;
  for (const o of plan.objectives) for (const p of o.priorities) actionCount += p.actions.length;
  return { plan, problems: byPlace(report.problems), notes: byPlace(report.notes), actionCount };
}

/** Reads the actions file into the tree; returns the levels it used, or null if the file could not be read. */
function readActions(text: string, tree: PlanTree, report: ImportMessages): Levels | null {
  const table = readTable(text, 'actions', ACTION_HEADER_ALIASES, report);
  if (!table) return null;
  const has = (c: keyof typeof ACTION_HEADER_ALIASES) => table.index.has(c);
  const levels = levelsOf(has);
  const missing = [...(levels ? [] : ['priority']), ...(has('action') ? [] : ['action'])];
  if (!levels || missing.length > 0) {
    report.problem('actions', table.headerLine, null, missingColumnsMessage(missing, table.headings));
    return null;
  }
  if (table.rows.length === 0) {
    report.problem('actions', table.headerLine, null, 'The file has a header but no actions');
    return null;
  }
  const shape = levelsNote(levels);
  if (shape) report.note('actions', table.headerLine, null, shape);

  const ctx: ActionContext = { levels, headerLine: table.headerLine, tree, refs: new Map(), said: new Set() };
  const problemsBefore = report.problems.length;
  const actions = readActionRows(table, report).flatMap((raw) => addAction(raw, ctx, report) ?? []);
  if (actions.length === 0 && report.problems.length === problemsBefore) {
    report.problem('actions', table.headerLine, null, 'The file has a header but no actions');
  }

  for (const action of actions) {
    if (action.seeAlsoRefs.length === 0) continue;
    if (ctx.refs.size === 0) {
      // Without refs there is nothing to point at; keeping them would link to nothing.
      report.note('actions', action.line, 'see_also', `See also "${action.seeAlsoRefs.join('; ')}" was ignored: no action in this plan has a ref`);
      action.seeAlsoRefs = [];
      continue;
    }
    for (const seeAlso of action.seeAlsoRefs) {
      if (!ctx.refs.has(seeAlso)) report.problem('actions', action.line, 'see_also', `Ref ${seeAlso} is not an action in this plan`);
    }
  }
  return levels;
}

/** Actions file first, then by line: the order the coordinator reads the files in. Stable, so one row's messages keep their order. */
function byPlace<T extends ImportProblem | ImportNote>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === 'actions' ? -1 : 1));
}
