import type { Action, Indicator, Objective, Partnership, Plan, Priority } from '../../domain/plan';
import type { FieldbookDb } from '../db/fieldbook-db';
import { byPosition } from './by-position';

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
