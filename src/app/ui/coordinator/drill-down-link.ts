import type { PeriodProgress } from '../../data/period-progress';

/** The address of the outcomes behind a measure's figure in a period. */
export function drillDownLink(measureId: string, { plan, period }: Pick<PeriodProgress, 'plan' | 'period'>): string {
  return `/progress/outcomes?${new URLSearchParams({ plan: plan.id, measure: measureId, from: period.start, to: period.end }).toString()}`;
}

/** The address of the progress table for a period. */
export function progressLink(planId: string, period: { start: string; end: string }): string {
  return `/progress?${new URLSearchParams({ plan: planId, from: period.start, to: period.end }).toString()}`;
}
