import { randomUUID } from 'node:crypto';
import type { PlanDraft } from '../../domain/plan-import/plan-csv';
import type { Action } from '../../domain/plan';
import type { PlanRecords } from '../storage/stores/plan-store';

/** Gives a parsed plan its ids and positions, ready to store. `ownersByRef` assigns actions to users. */
export function planRecordsFromDraft(draft: PlanDraft, plan: PlanRecords['plan'], ownersByRef: ReadonlyMap<string, string[]> = new Map()): PlanRecords {
  const records: PlanRecords = { plan, objectives: [], priorities: [], indicators: [], actions: [], measures: [] };
  let actionPosition = 0;
  draft.objectives.forEach((o, oi) => {
    const objective = { id: randomUUID(), planId: plan.id, position: oi, title: o.title };
    records.objectives.push(objective);
    let indicatorPosition = 0;
    for (const text of o.indicators) {
      records.indicators.push({ id: randomUUID(), planId: plan.id, objectiveId: objective.id, priorityId: null, position: indicatorPosition++, text });
    }
    o.priorities.forEach((p, pi) => {
      const priority = { id: randomUUID(), planId: plan.id, objectiveId: objective.id, position: pi, name: p.name };
      records.priorities.push(priority);
      for (const text of p.indicators) {
        records.indicators.push({ id: randomUUID(), planId: plan.id, objectiveId: objective.id, priorityId: priority.id, position: indicatorPosition++, text });
      }
      for (const a of p.actions) {
        const action: Action = {
          id: randomUUID(),
          planId: plan.id,
          priorityId: priority.id,
          ref: a.ref,
          position: actionPosition++,
          text: a.text,
          leadAgencies: a.leadAgencies,
          dueOn: a.dueOn,
          seeAlsoRefs: a.seeAlsoRefs,
          ownerIds: (a.ref && ownersByRef.get(a.ref)) || [],
        };
        records.actions.push(action);
        a.measures.forEach((m, mi) => {
          records.measures.push({ id: randomUUID(), actionId: action.id, planId: plan.id, position: mi, text: m.text, tally: m.tally });
        });
      }
    });
  });
  return records;
}
