import { suggestTally } from '../tally/suggest';
import type { MeasureTally } from '../tally/rule';
import type { RawAction } from './action-rows';
import type { ActionDraft, MeasureDraft } from './draft';
import { longDate, readDueDate } from './due-date';
import { splitLeadAgencies } from './lead-agencies';
import { LEVEL_NAMES, PLAN_PRIORITIES, type Levels } from './levels';
import { splitMeasures } from './measures-split';
import type { PlanTree } from './plan-tree';
import { formatCount, ImportMessages, quote } from './report';
import { splitSeeAlso } from './see-also';
import { cleanText, LIMITS } from './text';

/** Second pass: one action's cells checked, split and read, then placed in the plan. */
export interface ActionContext {
  readonly levels: Levels;
  readonly headerLine: number;
  readonly tree: PlanTree;
  /** Ref → the line that first used it. */
  readonly refs: Map<string, number>;
  /** Things said once per file: notes about the whole file, and cells repeated on many rows. */
  readonly said: Set<string>;
}

// A title that a description can follow; a longer action cell already says what will be done.
const SHORT_TITLE = 120;

export function addAction(raw: RawAction, ctx: ActionContext, report: ImportMessages): ActionDraft | null {
  const row = new ImportMessages();
  const { line } = raw;
  const problem = (column: string | null, message: string) => row.problem('actions', line, column, message);
  const note = (column: string | null, message: string) => row.note('actions', line, column, message);
  // Said once per file, whatever becomes of this row.
  const once = (key: string, say: () => void) => {
    if (!ctx.said.has(key)) say();
    ctx.said.add(key);
  };
  const fileNote = (message: string) => report.note('actions', ctx.headerLine, null, message);
  let failed = false;

  const { objectiveFrom, priorityFrom, prefixFrom } = ctx.levels;
  const objectiveTitle = objectiveFrom ? raw.levels[objectiveFrom] : PLAN_PRIORITIES;
  const priorityName = raw.levels[priorityFrom];
  for (const [column, value, max] of [
    [objectiveFrom, objectiveTitle, LIMITS.objective],
    [priorityFrom, priorityName, LIMITS.priority],
  ] as const) {
    if (column === null) continue;
    if (!value) problem(column, `The ${LEVEL_NAMES[column]} is empty: if the cell was merged in the spreadsheet, unmerge it and fill in every row`);
    else if (value.length > max) {
      // A heading repeated on every row is reported once; its other rows still fail.
      failed = true;
      once(`long:${column}:${value}`, () => problem(column, tooLong(`The ${LEVEL_NAMES[column]}`, value.length, max)));
    }
  }

  const ref = raw.ref || null;
  if (ref !== null && ref.length > LIMITS.ref)
    problem('ref', `Ref ${quote(ref)} is ${ref.length} characters long; a ref can be at most ${LIMITS.ref}, such as 3, 1.2 or R7. Is this the right column?`);
  else if (ref !== null) {
    const first = ctx.refs.get(ref);
    if (first !== undefined) problem('ref', `Ref ${ref} is already used on line ${first}`);
    else ctx.refs.set(ref, line);
  }

  let text = raw.title;
  const added: string[] = [];
  const description = raw.descriptions.join(' ');
  if (description && description.toLowerCase() !== text.toLowerCase()) {
    if (text.length <= SHORT_TITLE) {
      text = `${text} — ${description}`;
      added.push('description');
      once('description', () => fileNote('Each action\'s description was added after its title ("title — description")'));
    } else note('description', `The action on line ${line} is already a full sentence, so its description ${quote(description)} was not added to it`);
  }
  const prefix = prefixFrom ? raw.levels[prefixFrom] : '';
  if (prefix) {
    text = `${prefix}: ${text}`;
    added.unshift('action plan');
    once('prefix', () => fileNote(`Each action's text starts with its action plan ("${prefix}: …")`));
  }
  if (text.length > LIMITS.action) {
    const what = added.length > 0 ? `The action, with its ${added.join(' and ')},` : 'The action';
    problem('action', tooLong(what, text.length, LIMITS.action));
  }

  const measures = readMeasures(raw, text, row);
  if (measures.length === 0 && row.problems.length === 0) {
    note('measures', `Action on line ${line} has no measures: officers cannot log outcomes against it until you add one`);
  }
  const leadAgencies = readLeadAgencies(raw, row);
  const dueOn = readDue(raw, row);
  const seeAlsoRefs = [...new Set(raw.seeAlso.flatMap((c) => splitSeeAlso(c.text)))];
  if (seeAlsoRefs.length > LIMITS.seeAlsoRefs)
    problem('see_also', `There are ${seeAlsoRefs.length} see-also refs; an action can have at most ${LIMITS.seeAlsoRefs}`);

  const imported = !failed && row.problems.length === 0;
  report.absorb(row, imported);
  if (!imported) return null;
  const where = { file: 'actions' as const, line };
  const { objective } = ctx.tree.objective(objectiveTitle, { ...where, column: objectiveFrom ?? priorityFrom });
  const { priority } = ctx.tree.priority(objective, priorityName, { ...where, column: priorityFrom });
  const action: ActionDraft = { line, ref, text, measures, leadAgencies, dueOn, seeAlsoRefs };
  priority.actions.push(action);
  return action;
}

function readMeasures(raw: RawAction, actionText: string, row: ImportMessages): MeasureDraft[] {
  const measures: MeasureDraft[] = [];
  for (const cell of raw.measures) {
    const split = splitMeasures(cell.text);
    if (split.bySemicolon)
      row.note('actions', cell.line, 'measures', `The measures ${quote(cell.text)} were read as ${split.measures.length} measures, split at ";"`);
    for (const text of split.measures) {
      if (text.length > LIMITS.measure) {
        row.problem('actions', cell.line, 'measures', tooLong(`The measure ${quote(text, 40)}`, text.length, LIMITS.measure));
        continue;
      }
      const tally = suggestTally(text, actionText);
      if (isFallback(tally)) {
        row.note(
          'actions',
          cell.line,
          'measures',
          `Fieldbook cannot tell how to count the measure "${text}": it counts each outcome logged against it until you choose how it is counted`,
        );
      }
      measures.push({ text, tally });
    }
  }
  return measures;
}

/** suggestTally's answer when nothing in the wording matched: right for nothing in particular. */
function isFallback(t: MeasureTally): boolean {
  const [only, ...rest] = t.figures;
  return t.outcomeType === 'activity' && rest.length === 0 && only?.kind === 'count' && only.label === 'outcomes';
}

function readLeadAgencies(raw: RawAction, row: ImportMessages): string[] {
  const agencies: string[] = [];
  for (const cell of raw.leadAgencies) {
    const split = splitLeadAgencies(cell.text);
    if (split.guessed)
      row.note(
        'actions',
        cell.line,
        'lead_agency',
        `Lead agency ${quote(cell.text)} was read as ${split.agencies.length} agencies: ${split.agencies.join('; ')}`,
      );
    for (const agency of split.agencies) {
      if (agencies.some((a) => a.toLowerCase() === agency.toLowerCase())) continue;
      if (agency.length > LIMITS.leadAgency)
        row.problem('actions', cell.line, 'lead_agency', tooLong(`The lead agency ${quote(agency, 40)}`, agency.length, LIMITS.leadAgency));
      agencies.push(agency);
    }
  }
  if (agencies.length > LIMITS.leadAgencies) {
    row.problem(
      'actions',
      raw.line,
      'lead_agency',
      `The action has ${agencies.length} lead agencies; Fieldbook can keep at most ${LIMITS.leadAgencies}: name the ones that lead it`,
    );
  }
  return agencies;
}

function readDue(raw: RawAction, row: ImportMessages): string | null {
  if (!raw.due) return null;
  const cell = cleanText(raw.due.text);
  const reading = readDueDate(cell);
  if (reading.kind === 'bad') row.problem('actions', raw.due.line, 'due', reading.message);
  if (reading.kind === 'none') row.note('actions', raw.due.line, 'due', `Due "${cell}" is not a date: left blank`);
  if (reading.kind !== 'date') return null;
  if (reading.readAs) row.note('actions', raw.due.line, 'due', `Due "${cell}" was read as ${longDate(reading.iso)}, ${reading.readAs}`);
  return reading.iso;
}

function tooLong(what: string, length: number, max: number): string {
  return `${what} is ${formatCount(length)} characters long; Fieldbook can keep at most ${formatCount(max)}: shorten it`;
}
