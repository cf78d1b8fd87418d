import type { MeasureTally } from '../tally/rule';

/** A plan as read from CSV, before it has ids: objectives → priorities → actions → measures. */

export interface MeasureDraft {
  text: string;
  tally: MeasureTally;
}

export interface ActionDraft {
  /** 1-based line where the action's row starts. */
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

export function* allActions(plan: PlanDraft): Generator<ActionDraft> {
  for (const o of plan.objectives) for (const p of o.priorities) yield* p.actions;
}
