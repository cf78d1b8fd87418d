import type { Action, Measure, Objective, Partnership, Plan, Priority } from '../../domain/plan';
import type { Area } from '../../domain/partnership-lists';
import { tallyMeasure, type MeasureTallyResult } from '../../domain/tally/tally';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalOutcome } from '../db/local-records';
import { byPosition } from './by-position';
import { areasOrTownNames, underCurrentNames, type AreasById } from './area-names';

// Apart from plan-queries.ts: the first screen lists actions and must not load the tallies and the catalogue.

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
  /** The partnership's areas, retired ones included (an outcome may still be in one). */
  areas: Area[];
  /** The same, by id: what each outcome's area is called now. */
  areasById: AreasById;
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
  const [objective, partnership, areas] = await Promise.all([
    priority ? db.objectives.get(priority.objectiveId) : undefined,
    plan ? db.partnerships.get(plan.partnershipId) : undefined,
    plan ? db.areas.where('partnershipId').equals(plan.partnershipId).toArray() : [],
  ]);
  const areasById = new Map(areas.map((a) => [a.id, a]));
  // Stand-ins only for the form: tallies group by real areas, and a stand-in has none to group.
  const choices = areasOrTownNames(areas, partnership);
  const shown = outcomes.filter(isLive);
  const counted = underCurrentNames(shown, areasById)
    .filter((o) => o.syncState !== 'rejected')
    .map((o) => ({ ...o, pending: o.syncState === 'pending' }));
  return {
    action,
    plan,
    priority,
    objective,
    partnership,
    areas: choices,
    areasById,
    measures: measures.sort(byPosition).map((measure) => ({ measure, tally: tallyMeasure(measure, counted) })),
    outcomes: shown.sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.recordedAt.localeCompare(a.recordedAt)),
    seeAlso: siblings.filter((s) => s.ref !== null && action.seeAlsoRefs.includes(s.ref)).sort(byPosition),
  };
}
