import { tallyMeasure, type MeasureTallyResult } from '../../domain/tally';
import type { Action, Measure } from '../../domain/plan';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive } from '../db/local-records';
import { loadPlans, type PlanView } from './plan-queries';

export interface ActionProgress {
  action: Action;
  priorityName: string;
  measures: { measure: Measure; tally: MeasureTallyResult }[];
  outcomeCount: number;
  contributors: string[];
}

export interface PlanProgress {
  view: PlanView;
  actions: ActionProgress[];
  outcomeCount: number;
}

/**
 * Every action's measures tallied from every outcome on this device, by the same tallyMeasure
 * the officer's phone uses. Refused outcomes do not count; waiting ones are marked pending.
 */
export async function loadProgress(db: FieldbookDb): Promise<PlanProgress[]> {
  const [plans, measures, outcomes] = await Promise.all([loadPlans(db), db.measures.toArray(), db.outcomes.toArray()]);
  const counted = outcomes.filter((o) => isLive(o) && o.syncState !== 'rejected');
  const byAction = groupBy(counted, (o) => o.actionId);
  const measuresByAction = groupBy(measures, (m) => m.actionId);
  return plans.map((view) => {
    const actions: ActionProgress[] = [];
    for (const o of view.objectives) {
      for (const p of o.priorities) {
        for (const action of p.actions) {
          const logged = byAction.get(action.id) ?? [];
          const tallyInput = logged.map((x) => ({ ...x, pending: x.syncState === 'pending' }));
          actions.push({
            action,
            priorityName: p.priority.name,
            measures: (measuresByAction.get(action.id) ?? [])
              .sort((a, b) => a.position - b.position)
              .map((measure) => ({ measure, tally: tallyMeasure(measure, tallyInput) })),
            outcomeCount: logged.length,
            contributors: [...new Set(logged.map((x) => x.authorName))].sort(),
          });
        }
      }
    }
    return { view, actions, outcomeCount: actions.reduce((n, a) => n + a.outcomeCount, 0) };
  });
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  }
  return m;
}
