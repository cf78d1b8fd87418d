import type { Action, Indicator, Objective, Partnership, Plan, Priority } from '../../domain/plan';
import type { FieldbookDb } from '../db/fieldbook-db';

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

export const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

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
