import type { MeasureTally, TallyFigure } from './rule';
import { countsToward, type TallyableOutcome } from './match';
import { choiceLabel, fieldOf } from '../outcome-types/catalogue';
import { formatPence } from '../outcome-types/format';

/** The fields a tally reads; outcomes still waiting to sync are marked pending. */
export type TallyInput = TallyableOutcome & { occurredOn: string; recordedAt: string; pending?: boolean };

export interface TownFigure {
  town: string | null;
  value: number;
}

export interface FigureResult {
  figure: TallyFigure;
  /** count, sum (pence for money) or distinct; for latest, how many outcomes report a value. */
  value: number;
  /** How much of value depends on outcomes not yet on the server (0 when none). */
  pendingValue: number;
  /** For latest: the newest value's label, or null before anything is logged. */
  latest: string | null;
  /** Largest first; null town (not about one town) last. Empty for latest. */
  byTown: TownFigure[];
  /** value as people read it: "£1,250.50", "3", "Adopted". */
  display: string;
}

export interface MeasureTallyResult {
  measureId: string;
  /** How many outcomes count toward the measure. */
  outcomeCount: number;
  pendingCount: number;
  figures: FigureResult[];
  /** The first figure against the target, when the measure has one (1 = met). */
  progress: number | null;
}

/**
 * Adds up the outcomes logged against one measure by its tally rule. One function for the
 * phone's action screen, the coordinator's progress view and the server's tallies, so an officer
 * and a coordinator never see different numbers for the same outcomes.
 */
export function tallyMeasure(measure: { id: string; tally: MeasureTally }, outcomes: Iterable<TallyInput>): MeasureTallyResult {
  const counted: TallyInput[] = [];
  for (const o of outcomes) if (countsToward(o, measure.tally)) counted.push(o);
  const synced = counted.filter((o) => !o.pending);
  const figures = measure.tally.figures.map((figure) => figureResult(measure.tally, figure, counted, synced));
  const head = figures[0];
  return {
    measureId: measure.id,
    outcomeCount: counted.length,
    pendingCount: counted.length - synced.length,
    figures,
    progress: measure.tally.target !== null && head && head.figure.kind !== 'latest' ? head.value / measure.tally.target : null,
  };
}

function figureResult(tally: MeasureTally, figure: TallyFigure, all: TallyInput[], synced: TallyInput[]): FigureResult {
  if (figure.kind === 'latest') {
    const newest = latestOf(all, figure.field);
    const latest = newest ? choiceLabel(tally.outcomeType, figure.field, newest.details[figure.field]) : null;
    const pendingValue = newest?.pending ? 1 : 0;
    return {
      figure,
      value: all.filter((o) => o.details[figure.field] !== undefined).length,
      pendingValue,
      latest,
      byTown: [],
      display: latest ?? 'Not started',
    };
  }
  const value = measureValue(figure, all);
  // Towns group case aside (as distinct towns count them), under the first spelling seen.
  const towns = new Map<string | null, { town: string | null; outcomes: TallyInput[] }>();
  for (const o of all) {
    const key = o.town?.toLowerCase() ?? null;
    const group = towns.get(key);
    if (group) group.outcomes.push(o);
    else towns.set(key, { town: o.town, outcomes: [o] });
  }
  const byTown = [...towns.values()]
    .map(({ town, outcomes }) => ({ town, value: measureValue(figure, outcomes) }))
    .sort((a, b) => (a.town === null ? 1 : b.town === null ? -1 : b.value - a.value || a.town.localeCompare(b.town)));
  const money = figure.kind === 'sum' && fieldOf(tally.outcomeType, figure.field)?.kind === 'money';
  return {
    figure,
    value,
    pendingValue: value - measureValue(figure, synced),
    latest: null,
    byTown,
    display: money ? formatPence(value) : value.toLocaleString('en-GB'),
  };
}

function measureValue(figure: Exclude<TallyFigure, { kind: 'latest' }>, outcomes: TallyInput[]): number {
  switch (figure.kind) {
    case 'count':
      return outcomes.length;
    case 'sum':
      return outcomes.reduce((n, o) => n + (typeof o.details[figure.field] === 'number' ? (o.details[figure.field] as number) : 0), 0);
    case 'distinct': {
      const values = new Set<string>();
      for (const o of outcomes) {
        const v = figure.field === 'town' ? o.town : o.details[figure.field];
        if (v !== null && v !== undefined) values.add(String(v).toLowerCase());
      }
      return values.size;
    }
  }
}

/** The newest outcome with a value for the field: by the day it happened, then when it was recorded. */
function latestOf(outcomes: TallyInput[], field: string): TallyInput | undefined {
  let newest: TallyInput | undefined;
  for (const o of outcomes) {
    if (o.details[field] === undefined) continue;
    if (!newest || o.occurredOn > newest.occurredOn || (o.occurredOn === newest.occurredOn && o.recordedAt > newest.recordedAt)) newest = o;
  }
  return newest;
}
