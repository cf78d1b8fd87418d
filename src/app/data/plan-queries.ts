import type { Action, Indicator, Measure, Objective, Partnership, Plan, Priority } from '../../domain/plan';
import { tallyMeasure, type MeasureTallyResult } from '../../domain/tally';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalOutcome } from '../db/local-records';

export interface PriorityView {
  priority: Priority;
  indicators: Indicator[];
  actions: Action[];
}
export interface ObjectiveView {
  objective: Objective;
  indicators: Indicator[];
  priorities: PriorityView[];
}
export interface PlanView {
  plan: Plan;
  partnership: Partnership | undefined;
  objectives: ObjectiveView[];
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

/** Every plan on the phone, shaped as the published document: objectives → priorities → actions. */
export async function loadPlans(db: FieldbookDb): Promise<PlanView[]> {
  const [plans, partnerships, objectives, priorities, indicators, actions] = await Promise.all([
    db.plans.toArray(),
    db.partnerships.toArray(),
    db.objectives.toArray(),
    db.priorities.toArray(),
    db.indicators.toArray(),
    db.actions.toArray(),
  ]);
  return plans
    .sort((a, b) => b.periodStart.localeCompare(a.periodStart))
    .map((plan) => ({
      plan,
      partnership: partnerships.find((p) => p.id === plan.partnershipId),
      objectives: objectives
        .filter((o) => o.planId === plan.id)
        .sort(byPosition)
        .map((objective) => ({
          objective,
          indicators: indicators.filter((i) => i.objectiveId === objective.id && i.priorityId === null).sort(byPosition),
          priorities: priorities
            .filter((p) => p.objectiveId === objective.id)
            .sort(byPosition)
            .map((priority) => ({
              priority,
              indicators: indicators.filter((i) => i.priorityId === priority.id).sort(byPosition),
              actions: actions.filter((a) => a.priorityId === priority.id).sort(byPosition),
            })),
        })),
    }));
}

export interface ActionSummary {
  action: Action;
  priorityName: string;
}

async function summarise(db: FieldbookDb, actions: Action[]): Promise<ActionSummary[]> {
  const priorities = new Map((await db.priorities.toArray()).map((p) => [p.id, p.name]));
  return actions.sort(byPosition).map((action) => ({ action, priorityName: priorities.get(action.priorityId) ?? '' }));
}

export async function loadMyActions(db: FieldbookDb, userId: string): Promise<ActionSummary[]> {
  return summarise(db, await db.actions.where('ownerIds').equals(userId).toArray());
}

/**
 * Finds actions by ref ("22" or "ref 22") or by words anywhere in the action, its measures,
 * lead agencies or priority. Every word must match; case and punctuation are ignored.
 */
export async function searchActions(db: FieldbookDb, query: string): Promise<ActionSummary[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const [actions, measures, priorities] = await Promise.all([db.actions.toArray(), db.measures.toArray(), db.priorities.toArray()]);
  const refQuery = /^(?:ref\.?\s*)?(\d+[a-z]?)$/.exec(q)?.[1];
  const priorityName = new Map(priorities.map((p) => [p.id, p.name]));
  const measureText = new Map<string, string>();
  for (const m of measures) measureText.set(m.actionId, `${measureText.get(m.actionId) ?? ''} ${m.text}`);
  const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const matches = actions.filter((a) => {
    if (refQuery !== undefined) return a.ref?.toLowerCase() === refQuery;
    const haystack = [a.text, a.ref ?? '', measureText.get(a.id) ?? '', a.leadAgencies.join(' '), priorityName.get(a.priorityId) ?? ''].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  return summarise(db, matches);
}

export interface MeasureView {
  measure: Measure;
  tally: MeasureTallyResult;
}

export interface ActionDetail {
  action: Action;
  plan: Plan | undefined;
  priority: Priority | undefined;
  objective: Objective | undefined;
  partnership: Partnership | undefined;
  measures: MeasureView[];
  /** Newest first. */
  outcomes: LocalOutcome[];
  seeAlso: Action[];
}

/** One action with its measures tallied from every outcome on the phone, waiting ones included. */
export async function loadActionDetail(db: FieldbookDb, actionId: string): Promise<ActionDetail | null> {
  const action = await db.actions.get(actionId);
  if (!action) return null;
  const [plan, priority, measures, outcomes, siblings] = await Promise.all([
    db.plans.get(action.planId),
    db.priorities.get(action.priorityId),
    db.measures.where('actionId').equals(actionId).toArray(),
    db.outcomes.where('actionId').equals(actionId).toArray(),
    action.seeAlsoRefs.length > 0 ? db.actions.where('planId').equals(action.planId).toArray() : Promise.resolve([]),
  ]);
  const [objective, partnership] = await Promise.all([
    priority ? db.objectives.get(priority.objectiveId) : undefined,
    plan ? db.partnerships.get(plan.partnershipId) : undefined,
  ]);
  const shown = outcomes.filter(isLive);
  const counted = shown.filter((o) => o.syncState !== 'rejected').map((o) => ({ ...o, pending: o.syncState === 'pending' }));
  return {
    action,
    plan,
    priority,
    objective,
    partnership,
    measures: measures.sort(byPosition).map((measure) => ({ measure, tally: tallyMeasure(measure, counted) })),
    outcomes: shown.sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.recordedAt.localeCompare(a.recordedAt)),
    seeAlso: siblings.filter((s) => s.ref !== null && action.seeAlsoRefs.includes(s.ref)).sort(byPosition),
  };
}
