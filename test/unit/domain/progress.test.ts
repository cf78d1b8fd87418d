import { describe, expect, it } from 'vitest';
import { suggestRag, worstRag } from '../../../src/domain/progress/rag';
import { measureProgress, type ProgressInput } from '../../../src/domain/progress/measure-progress';
import type { MeasureTally } from '../../../src/domain/tally/rule';

const PLAN = { start: '2018-04-01', end: '2019-03-31' };

describe('suggestRag: progress against time elapsed', () => {
  it('is green at 90% of the pro-rata target or more, red at 70% or less, amber between', () => {
    // Half-way through the year (1 Apr to 30 Sep is 183 of 365 days), a target of 10 expects ~5.
    const half = '2018-09-30';
    expect(suggestRag(5, 10, PLAN, half)?.rag).toBe('green');
    expect(suggestRag(4.52, 10, PLAN, half)?.rag).toBe('green'); // 0.9016
    expect(suggestRag(4.5, 10, PLAN, half)?.rag).toBe('amber'); // 0.8975
    expect(suggestRag(3.6, 10, PLAN, half)?.rag).toBe('amber'); // 0.718
    expect(suggestRag(3.5, 10, PLAN, half)?.rag).toBe('red'); // 0.698
    expect(suggestRag(5, 10, PLAN, half)?.proRataTarget).toBeCloseTo((10 * 183) / 365, 6);
  });

  it('suggests nothing without a target or before the plan starts, and stops counting time at the plan’s end', () => {
    expect(suggestRag(3, null, PLAN, '2018-09-30')).toBeNull();
    expect(suggestRag(0, 10, PLAN, '2018-03-31')).toBeNull();
    expect(suggestRag(10, 10, PLAN, '2020-01-01')).toMatchObject({ rag: 'green', proRataTarget: 10, ratio: 1 });
  });

  it('takes the worst of an action’s measures', () => {
    expect(worstRag(['green', null, 'amber'])).toBe('amber');
    expect(worstRag(['green', 'red', 'amber'])).toBe('red');
    expect(worstRag([null, undefined])).toBeNull();
  });
});

describe('measureProgress', () => {
  const training: MeasureTally = {
    outcomeType: 'training-session',
    where: null,
    figures: [
      { kind: 'count', label: 'sessions' },
      { kind: 'sum', field: 'attendees', label: 'attendees' },
    ],
    target: 4,
  };
  const outcome = (id: string, occurredOn: string, town: string, attendees: number): ProgressInput => ({
    id,
    type: 'training-session',
    details: { topic: 'hate-crime', audience: 'police', attendees, format: 'online' },
    town,
    occurredOn,
    recordedAt: `${occurredOn}T10:00:00Z`,
  });
  const outcomes = [
    outcome('a', '2018-05-10', 'Didcot', 10),
    outcome('b', '2018-07-02', 'Thame', 5),
    outcome('c', '2018-08-20', 'Didcot', 7),
    outcome('d', '2018-11-01', 'Didcot', 3),
  ];

  it('tallies the period, the plan to date for the target, month by month, with the outcomes behind it', () => {
    const q2 = measureProgress(
      { id: 'm', tally: training },
      { periodStart: PLAN.start, periodEnd: PLAN.end },
      outcomes,
      { start: '2018-07-01', end: '2018-09-30' },
      '2026-01-01',
    );
    expect(q2.inPeriod.figures.map((f) => f.value)).toEqual([2, 12]);
    expect(q2.toDate.figures.map((f) => f.value)).toEqual([3, 22]);
    expect(q2.byMonth).toEqual([
      { month: '2018-07', value: 1 },
      { month: '2018-08', value: 1 },
      { month: '2018-09', value: 0 },
    ]);
    expect(q2.outcomeIds).toEqual(['b', 'c']);
    // 3 of a pro-rata 4 × 183/365 ≈ 2.01: green.
    expect(q2.suggestion?.rag).toBe('green');
  });

  it('judges a period still running against today, not its end', () => {
    const year = measureProgress({ id: 'm', tally: training }, { periodStart: PLAN.start, periodEnd: PLAN.end }, outcomes.slice(0, 1), PLAN, '2018-12-31');
    // 1 of a pro-rata 4 × 275/365 ≈ 3.01: red.
    expect(year.suggestion?.rag).toBe('red');
  });
});
