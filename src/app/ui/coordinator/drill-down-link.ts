import type { PeriodProgress } from '../../data/period-progress';

/**
 * The address of the outcomes behind a measure's figure: in the period, or (`toDate`) from the
 * plan's start to the period's end, optionally in one town ('' for outcomes about no one town).
 */
export function drillDownLink(
  measureId: string,
  { plan, period }: Pick<PeriodProgress, 'plan' | 'period'>,
  options: { toDate?: boolean; town?: string | null } = {},
): string {
  const q = new URLSearchParams({ plan: plan.id, measure: measureId, from: options.toDate ? plan.periodStart : period.start, to: period.end });
  if (options.town !== undefined) q.set('town', options.town ?? '');
  return `/progress/outcomes?${q.toString()}`;
}

/** The address of the progress table for a period. */
export function progressLink(planId: string, period: { start: string; end: string }): string {
  return `/progress?${new URLSearchParams({ plan: planId, from: period.start, to: period.end }).toString()}`;
}
