import type { OutcomeTypeId } from '../outcome-types/catalogue';
import type { DetailValue } from '../outcome-types/fields';
import type { MeasureTally } from './rule';

// Apart from rule.ts so that tallies (shown on the first screen) do not pull zod in.

/** The fields of an outcome a tally rule reads. */
export interface TallyableOutcome {
  type: OutcomeTypeId;
  details: Readonly<Record<string, DetailValue>>;
  town: string | null;
}

/** Whether an outcome counts toward a measure with this rule. */
export function countsToward(outcome: Pick<TallyableOutcome, 'type' | 'details'>, tally: Pick<MeasureTally, 'outcomeType' | 'where'>): boolean {
  if (outcome.type !== tally.outcomeType) return false;
  return tally.where === null || tally.where.in.includes(String(outcome.details[tally.where.field]));
}
