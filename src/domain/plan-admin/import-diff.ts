import type { Action, Indicator, Measure, Objective, Priority } from '../plan';
import type { ActionDraft, PlanDraft } from '../plan-import/plan-csv';
import { suggestOwners, type OwnerCandidate } from './suggest-owners';

/**
 * Works out what importing a parsed plan file into an existing plan changes, record by record.
 * The rule that makes an import safe to repeat: a record is matched to the one already there
 * (objectives by title, priorities by name under their objective, actions by ref and otherwise
 * by text, measures by text under their action, indicators by text where they sit) and written
 * only if something about it differs. Importing the same file twice therefore writes nothing the
 * second time, and officers' phones pull nothing.
 *
 * What the coordinator set in the app and the file cannot say is never overwritten: owners,
 * and each existing measure's tally rule and target. Records the file no longer lists are kept
 * (outcomes may be logged against them); the summary says how many.
 */

export interface ExistingPlanRecords {
  objectives: Objective[];
  priorities: Priority[];
  indicators: Indicator[];
  actions: Action[];
  measures: Measure[];
}

export interface RecordWrites<T> {
  add: T[];
  update: T[];
}

export interface ImportCount {
  added: number;
  changed: number;
  unchanged: number;
  notInFile: number;
}

export interface PlanImportDiff {
  objectives: RecordWrites<Objective>;
  priorities: RecordWrites<Priority>;
  indicators: RecordWrites<Indicator>;
  actions: RecordWrites<Action>;
  measures: RecordWrites<Measure>;
  summary: Record<'objectives' | 'priorities' | 'indicators' | 'actions' | 'measures', ImportCount>;
  /** One line per change, in plan order, for the preview. */
  changes: string[];
}

export interface DiffContext {
  planId: string;
  newId: () => string;
  /** Members who may be suggested as owners of new actions, from the lead agency text. */
  members: readonly OwnerCandidate[];
}

/** Case, spacing and trailing punctuation do not make a different record. */
export const sameText = (a: string, b: string) => normal(a) === normal(b);
const normal = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;:,]+$/, '')
    .toLowerCase();

export function diffPlanImport(existing: ExistingPlanRecords, draft: PlanDraft, ctx: DiffContext): PlanImportDiff {
  const diff: PlanImportDiff = {
    objectives: { add: [], update: [] },
    priorities: { add: [], update: [] },
    indicators: { add: [], update: [] },
    actions: { add: [], update: [] },
    measures: { add: [], update: [] },
    summary: { objectives: count(), priorities: count(), indicators: count(), actions: count(), measures: count() },
    changes: [],
  };
  const seen = {
    objectives: new Set<string>(),
    priorities: new Set<string>(),
    indicators: new Set<string>(),
    actions: new Set<string>(),
    measures: new Set<string>(),
  };
  const actionMatches = matchActions(existing.actions, draft);
  let actionPosition = 0;
  let indicatorPosition = 0;

  draft.objectives.forEach((o, oi) => {
    const objective = write(
      diff,
      'objectives',
      existing.objectives.find((x) => !seen.objectives.has(x.id) && sameText(x.title, o.title)),
      { id: ctx.newId(), planId: ctx.planId, position: oi, title: o.title },
      (old) => ({ ...old, position: oi, title: o.title }),
      seen.objectives,
    );
    const indicators = (texts: string[], priorityId: string | null) => {
      for (const text of texts) {
        const position = indicatorPosition++;
        write(
          diff,
          'indicators',
          existing.indicators.find(
            (x) => !seen.indicators.has(x.id) && x.objectiveId === objective.id && x.priorityId === priorityId && sameText(x.text, text),
          ),
          { id: ctx.newId(), planId: ctx.planId, objectiveId: objective.id, priorityId, position, text },
          (old) => ({ ...old, position, text }),
          seen.indicators,
        );
      }
    };
    indicators(o.indicators, null);
    o.priorities.forEach((p, pi) => {
      const priority = write(
        diff,
        'priorities',
        existing.priorities.find((x) => !seen.priorities.has(x.id) && x.objectiveId === objective.id && sameText(x.name, p.name)),
        { id: ctx.newId(), planId: ctx.planId, objectiveId: objective.id, position: pi, name: p.name },
        (old) => ({ ...old, position: pi, name: p.name }),
        seen.priorities,
      );
      indicators(p.indicators, priority.id);
      for (const a of p.actions) {
        const position = actionPosition++;
        const old = actionMatches.get(a);
        const fields = {
          priorityId: priority.id,
          ref: a.ref,
          position,
          text: a.text,
          leadAgencies: a.leadAgencies,
          dueOn: a.dueOn,
          seeAlsoRefs: a.seeAlsoRefs,
        };
        const action = write(
          diff,
          'actions',
          old,
          { id: ctx.newId(), planId: ctx.planId, ...fields, ownerIds: suggestOwners(a.leadAgencies, ctx.members) },
          (prev) => ({ ...prev, ...fields }),
          seen.actions,
        );
        describeAction(diff.changes, old, action, priority.name);
        a.measures.forEach((m, mi) => {
          const before = existing.measures.find((x) => !seen.measures.has(x.id) && x.actionId === action.id && sameText(x.text, m.text));
          const measure = write(
            diff,
            'measures',
            before,
            { id: ctx.newId(), actionId: action.id, planId: ctx.planId, position: mi, text: m.text, tally: m.tally },
            (prev) => ({ ...prev, position: mi, text: m.text }),
            seen.measures,
          );
          if (!before && old) diff.changes.push(`${capital(label(action))}: measure added: “${clip(measure.text)}”`);
        });
      }
    });
  });

  // Records the file does not list stay, after those it does, in their old order.
  // (Priorities and measures are ordered within their parent, so theirs stand as they are.)
  keepTheRest(diff, 'objectives', existing.objectives, seen.objectives, draft.objectives.length);
  keepTheRest(diff, 'priorities', existing.priorities, seen.priorities, null);
  keepTheRest(diff, 'indicators', existing.indicators, seen.indicators, indicatorPosition);
  keepTheRest(diff, 'actions', existing.actions, seen.actions, actionPosition);
  keepTheRest(diff, 'measures', existing.measures, seen.measures, null);
  const notListed = existing.actions.filter((a) => !seen.actions.has(a.id));
  if (notListed.length > 0)
    diff.changes.push(`Kept ${notListed.length} ${notListed.length === 1 ? 'action' : 'actions'} the file does not list: ${notListed.map(label).join(', ')}`);
  return diff;
}

type Table = keyof ExistingPlanRecords;
type RecordOf<K extends Table> = ExistingPlanRecords[K][number];

/** Adds or updates one record (only if a field differs) and counts it; returns the record as it will be. */
function write<K extends Table>(
  diff: PlanImportDiff,
  table: K,
  old: RecordOf<K> | undefined,
  fresh: RecordOf<K>,
  merged: (old: RecordOf<K>) => RecordOf<K>,
  seen: Set<string>,
): RecordOf<K> {
  const writes = diff[table] as RecordWrites<RecordOf<K>>;
  if (!old) {
    writes.add.push(fresh);
    diff.summary[table].added++;
    return fresh;
  }
  seen.add(old.id);
  const next = merged(old);
  if (sameRecord(old, next)) diff.summary[table].unchanged++;
  else {
    writes.update.push(next);
    diff.summary[table].changed++;
  }
  return next;
}

function keepTheRest<K extends Table>(diff: PlanImportDiff, table: K, all: ExistingPlanRecords[K], seen: Set<string>, firstPosition: number | null): void {
  const rest = (all as RecordOf<K>[]).filter((r) => !seen.has(r.id)).sort((a, b) => a.position - b.position);
  rest.forEach((r, i) => {
    diff.summary[table].notInFile++;
    const position = firstPosition === null ? r.position : firstPosition + i;
    if (position !== r.position) (diff[table] as RecordWrites<RecordOf<K>>).update.push({ ...r, position });
  });
}

/** Actions by ref where the file gives one and the plan has it; the rest by their text. */
function matchActions(existing: Action[], draft: PlanDraft): Map<ActionDraft, Action> {
  const matches = new Map<ActionDraft, Action>();
  const taken = new Set<string>();
  const drafts = draft.objectives.flatMap((o) => o.priorities.flatMap((p) => p.actions));
  for (const a of drafts) {
    const byRef = a.ref === null ? undefined : existing.find((x) => x.ref !== null && !taken.has(x.id) && sameText(x.ref, a.ref!));
    if (byRef) {
      matches.set(a, byRef);
      taken.add(byRef.id);
    }
  }
  for (const a of drafts) {
    if (matches.has(a)) continue;
    const byText = existing.find(
      (x) =>
        !taken.has(x.id) && sameText(x.text, a.text) && (a.ref === null || x.ref === null || !drafts.some((d) => d.ref !== null && sameText(d.ref, x.ref!))),
    );
    if (byText) {
      matches.set(a, byText);
      taken.add(byText.id);
    }
  }
  return matches;
}

function describeAction(changes: string[], old: Action | undefined, now: Action, priorityName: string): void {
  if (!old) {
    changes.push(`Added ${label(now)} under ${priorityName}: “${clip(now.text)}”`);
    return;
  }
  const what: string[] = [];
  if (old.ref !== now.ref) what.push(now.ref === null ? 'ref removed' : `now ref ${now.ref}`);
  if (!sameText(old.text, now.text)) what.push('wording changed');
  if (old.priorityId !== now.priorityId) what.push(`moved to ${priorityName}`);
  if (old.dueOn !== now.dueOn) what.push(`due date ${old.dueOn ?? 'none'} → ${now.dueOn ?? 'none'}`);
  if (!sameList(old.leadAgencies, now.leadAgencies)) what.push('lead agencies changed');
  if (!sameList(old.seeAlsoRefs, now.seeAlsoRefs)) what.push('cross-references changed');
  if (what.length > 0) changes.push(`${capital(label(old))}: ${what.join('; ')}`);
}

export const label = (a: Pick<Action, 'ref' | 'text'>) => (a.ref ? `ref ${a.ref}` : `“${clip(a.text, 40)}”`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const count = (): ImportCount => ({ added: 0, changed: 0, unchanged: 0, notInFile: 0 });

/** Field by field, arrays by content: a record re-read from the database equals the one the file describes. */
function sameRecord(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return Object.keys({ ...x, ...y }).every((k) => JSON.stringify(x[k]) === JSON.stringify(y[k]));
}
