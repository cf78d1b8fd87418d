import { customPeriod, financialYearOf, quarterOf, quartersOf, type Period } from '../../../domain/period';
import type { Plan } from '../../../domain/plan';
import { addDays } from '../../../domain/primitives';

export interface PeriodChoice {
  key: string;
  period: Period;
}

/**
 * The periods a coordinator reports on for a plan: the whole plan, each financial year it spans
 * and each of their quarters, and "everything logged" (from the plan's start to today, for a plan
 * still in use after its period, as rolling plans often are).
 */
export function periodChoices(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, today: string): PeriodChoice[] {
  const choices: PeriodChoice[] = [{ key: 'plan', period: { start: plan.periodStart, end: plan.periodEnd, label: `The whole plan` } }];
  for (const { year, quarters } of yearsOfPlan(plan)) {
    if (year.start !== plan.periodStart || year.end !== plan.periodEnd) choices.push({ key: `fy-${year.start}`, period: year });
    choices.push(...quarters.map((q) => ({ key: q.start, period: q })));
  }
  if (today > plan.periodEnd) choices.push({ key: 'all', period: { start: plan.periodStart, end: today, label: 'Everything logged, to today' } });
  return choices;
}

/** The financial years a plan spans, each with its quarters that overlap the plan. */
export function yearsOfPlan(plan: Pick<Plan, 'periodStart' | 'periodEnd'>): { year: Period; quarters: Period[] }[] {
  const years: { year: Period; quarters: Period[] }[] = [];
  for (let fy = Number(financialYearOf(plan.periodStart).start.slice(0, 4)); `${fy}-04-01` <= plan.periodEnd; fy++) {
    years.push({ year: financialYearOf(`${fy}-04-01`), quarters: quartersOf(fy).filter((q) => q.end >= plan.periodStart && q.start <= plan.periodEnd) });
  }
  return years;
}

/** The period in the address (?from=…&to=…), else the plan so far: the year to date, or the whole plan once it has ended. */
export function chosenPeriod(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, from: string | null, to: string | null, today: string): Period {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (from && to && iso.test(from) && iso.test(to) && from <= to) {
    const match = periodChoices(plan, today).find((c) => c.period.start === from && c.period.end === to);
    return match?.period ?? customPeriod(from, to);
  }
  if (today >= plan.periodStart && today <= plan.periodEnd) return { start: plan.periodStart, end: today, label: 'The plan so far' };
  return { start: plan.periodStart, end: plan.periodEnd, label: 'The whole plan' };
}

/** The last quarter of the plan that has ended by today: the one a coordinator reviews next. */
export function lastEndedQuarter(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, today: string): Period | null {
  let q = quarterOf(today < plan.periodEnd ? today : plan.periodEnd);
  if (q.end >= today) q = quarterOf(addDays(q.start, -1));
  return q.end >= plan.periodStart ? q : null;
}
