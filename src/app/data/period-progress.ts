import type { Action, Measure, Objective, Partnership, Plan, Priority } from '../../domain/plan';
import type { ActionReview, QuarterSignOff } from '../../domain/review';
import { isLate, signOffCovering } from '../../domain/review';
import { quarterOf, type Period } from '../../domain/period';
import { measureProgress, type MeasureProgress } from '../../domain/progress/measure-progress';
import { worstRag, type Rag } from '../../domain/progress/rag';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalOutcome } from '../db/local-records';
import { byPosition } from './by-position';
import { loadAreasById, underCurrentNames, type AreasById } from './area-names';

export interface ActionProgressRow {
  action: Action;
  objective: Objective | undefined;
  priority: Priority | undefined;
  measures: { measure: Measure; progress: MeasureProgress }[];
  /** The worst of the measures' suggestions; null when none has a target. */
  suggested: Rag | null;
  /** The coordinator's review of this action for the quarter, when the period is one quarter. */
  review: ActionReview | undefined;
  /** Outcomes dated in the period that arrived after their quarter was signed off. */
  lateIds: string[];
  outcomeCount: number;
}

export interface PeriodProgress {
  plan: Plan;
  partnership: Partnership | undefined;
  period: Period;
  /** The quarter, when the period is exactly one: reviews and sign-off apply. */
  quarter: Period | null;
  signOff: QuarterSignOff | undefined;
  signOffs: QuarterSignOff[];
  rows: ActionProgressRow[];
  outcomeCount: number;
  lateCount: number;
  pendingCount: number;
}

/**
 * What the reports count: live outcomes (not deleted) the server has not refused; waiting ones
 * marked; each under its area's current name (underCurrentNames).
 */
export const countable = (outcomes: LocalOutcome[], areas: AreasById) =>
  underCurrentNames(
    outcomes.filter((o) => isLive(o) && o.syncState !== 'rejected'),
    areas,
  ).map((o) => ({ ...o, pending: o.syncState === 'pending' }));

/**
 * Every action of a plan over a period: each measure tallied in the period and to date against
 * its target, month by month, with a suggested RAG; the quarter's review and sign-off when the
 * period is one quarter; and which outcomes arrived late. From this device's copy (a
 * coordinator's device pulls every outcome of the partnership), with the same tally code the
 * officers' phones use.
 */
export async function loadPeriodProgress(db: FieldbookDb, planId: string, period: Period, today: string): Promise<PeriodProgress | null> {
  const plan = await db.plans.get(planId);
  if (!plan) return null;
  const [partnership, objectives, priorities, actions, measures, outcomes, reviews, signOffs, areas] = await Promise.all([
    db.partnerships.get(plan.partnershipId),
    db.objectives.where('planId').equals(planId).toArray(),
    db.priorities.where('planId').equals(planId).toArray(),
    db.actions.where('planId').equals(planId).toArray(),
    db.measures.toArray().then((all) => all.filter((m) => m.planId === planId)),
    db.outcomes.toArray(),
    db.reviews.where('planId').equals(planId).toArray(),
    db.signOffs.where('planId').equals(planId).toArray(),
    loadAreasById(db),
  ]);
  const quarterCandidate = quarterOf(period.start);
  const quarter = quarterCandidate.start === period.start && quarterCandidate.end === period.end ? quarterCandidate : null;
  const actionIds = new Set(actions.map((a) => a.id));
  const counted = countable(
    outcomes.filter((o) => actionIds.has(o.actionId)),
    areas,
  );
  const byAction = new Map<string, typeof counted>();
  for (const o of counted) byAction.set(o.actionId, [...(byAction.get(o.actionId) ?? []), o]);
  const priorityOf = new Map(priorities.map((p) => [p.id, p]));
  const objectiveOf = new Map(objectives.map((o) => [o.id, o]));
  const order = (a: Action) => {
    const p = priorityOf.get(a.priorityId);
    return [objectiveOf.get(p?.objectiveId ?? '')?.position ?? 0, p?.position ?? 0, a.position];
  };
  const sorted = actions.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
  const rows = sorted.map((action): ActionProgressRow => {
    const logged = byAction.get(action.id) ?? [];
    const inPeriod = logged.filter((o) => o.occurredOn >= period.start && o.occurredOn <= period.end);
    const ms = measures
      .filter((m) => m.actionId === action.id)
      .sort(byPosition)
      .map((measure) => ({ measure, progress: measureProgress(measure, plan, logged, period, today) }));
    const priority = priorityOf.get(action.priorityId);
    return {
      action,
      priority,
      objective: objectiveOf.get(priority?.objectiveId ?? ''),
      measures: ms,
      suggested: worstRag(ms.map((m) => m.progress.suggestion?.rag)),
      review: quarter ? reviews.find((r) => r.actionId === action.id && r.quarterStart === quarter.start) : undefined,
      lateIds: inPeriod.filter((o) => isLate(o, signOffCovering(signOffs, planId, o.occurredOn))).map((o) => o.id),
      outcomeCount: inPeriod.length,
    };
  });
  const all = rows.flatMap((r) => (byAction.get(r.action.id) ?? []).filter((o) => o.occurredOn >= period.start && o.occurredOn <= period.end));
  return {
    plan,
    partnership,
    period,
    quarter,
    signOff: quarter ? signOffCovering(signOffs, planId, quarter.start) : undefined,
    signOffs,
    rows,
    outcomeCount: all.length,
    lateCount: rows.reduce((n, r) => n + r.lateIds.length, 0),
    pendingCount: all.filter((o) => o.pending).length,
  };
}
