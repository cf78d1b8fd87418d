import type { Measure } from './plan';
import type { OutcomeRecord } from './outcome';

/** The fields a tally reads; local outcomes still waiting to sync are marked pending. */
export type TallyInput = Pick<OutcomeRecord, 'measureId' | 'quantity' | 'town'> & { pending?: boolean };

export interface TownTally {
  town: string | null;
  total: number;
}

export interface MeasureTallyResult {
  measureId: string;
  /** Everything logged, synced or not. */
  total: number;
  /** The part of total that has not reached the server yet. */
  pendingTotal: number;
  /** How many outcomes make up the total. */
  outcomeCount: number;
  /** Largest first; null town (district-wide) last. */
  byTown: TownTally[];
}

/**
 * Adds up the outcomes logged against one measure by its tally rule.
 * One function for the phone's action screen and the coordinator's progress view,
 * so the officer and the coordinator never see different numbers for the same outcomes.
 */
export function tallyMeasure(measure: Pick<Measure, 'id' | 'tally'>, outcomes: Iterable<TallyInput>): MeasureTallyResult {
  let total = 0;
  let pendingTotal = 0;
  let outcomeCount = 0;
  const towns = new Map<string | null, number>();
  for (const o of outcomes) {
    if (o.measureId !== measure.id) continue;
    const value = measure.tally.kind === 'sum' ? (o.quantity ?? 0) : 1;
    total += value;
    outcomeCount += 1;
    if (o.pending) pendingTotal += value;
    towns.set(o.town, (towns.get(o.town) ?? 0) + value);
  }
  const byTown = [...towns.entries()]
    .map(([town, t]) => ({ town, total: t }))
    .sort((a, b) => (a.town === null ? 1 : b.town === null ? -1 : b.total - a.total || a.town.localeCompare(b.town)));
  return { measureId: measure.id, total, pendingTotal, outcomeCount, byTown };
}
