import type { Measure, Plan } from '../plan';
import { tallyMeasure, type MeasureTallyResult, type TallyInput } from '../tally/tally';
import { countsToward } from '../tally/match';
import { inPeriod, monthsOf, type Period } from '../period';
import { suggestRag, type RagSuggestion } from './rag';

/** An outcome as progress reads it: what a tally reads, plus its id for the drill-down. */
export type ProgressInput = TallyInput & { id: string };

export interface MeasureProgress {
  measureId: string;
  /** The measure's figures from outcomes dated inside the period. */
  inPeriod: MeasureTallyResult;
  /** From the start of the plan to the end of the period: what the target and the RAG are about. */
  toDate: MeasureTallyResult;
  /** The first figure, month by month through the period (for the chart). */
  byMonth: { month: string; value: number }[];
  /** Against the pro-rata target at the end of the period (or today, if sooner). */
  suggestion: RagSuggestion | null;
  /** The outcomes behind the period's figures, for the drill-down. */
  outcomeIds: string[];
}

/**
 * One measure's progress over a period, from the outcomes logged against its action, by the one
 * tallyMeasure every screen and report uses. `today` bounds "time elapsed" for a period that has
 * not ended yet.
 */
export function measureProgress(
  measure: Pick<Measure, 'id' | 'tally'>,
  plan: Pick<Plan, 'periodStart' | 'periodEnd'>,
  outcomes: readonly ProgressInput[],
  period: Pick<Period, 'start' | 'end'>,
  today: string,
): MeasureProgress {
  const within = outcomes.filter((o) => inPeriod(o.occurredOn, period));
  const sinceStart = outcomes.filter((o) => o.occurredOn >= plan.periodStart && o.occurredOn <= period.end);
  const toDate = tallyMeasure(measure, sinceStart);
  const head = toDate.figures[0];
  const asOf = period.end < today ? period.end : today;
  return {
    measureId: measure.id,
    inPeriod: tallyMeasure(measure, within),
    toDate,
    byMonth: monthsOf(period).map((month) => ({
      month,
      value:
        tallyMeasure(
          measure,
          within.filter((o) => o.occurredOn.startsWith(month)),
        ).figures[0]?.value ?? 0,
    })),
    suggestion:
      head && head.figure.kind !== 'latest' ? suggestRag(head.value, measure.tally.target, { start: plan.periodStart, end: plan.periodEnd }, asOf) : null,
    outcomeIds: within.filter((o) => countsToward(o, measure.tally)).map((o) => o.id),
  };
}
