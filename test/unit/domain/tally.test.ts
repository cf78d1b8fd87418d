import { describe, it, expect } from 'vitest';
import { tallyMeasure, type TallyInput } from '../../../src/domain/tally/tally';
import { MeasureTally } from '../../../src/domain/tally/rule';

const measure = (tally: MeasureTally) => ({ id: 'm', tally });
const TOWNS = measure({
  outcomeType: 'place-joined',
  where: { field: 'scheme', in: ['safe-place'] },
  figures: [{ kind: 'distinct', field: 'town', label: 'towns' }],
  target: null,
});
const PLACES = measure({
  outcomeType: 'place-joined',
  where: { field: 'scheme', in: ['safe-place'] },
  figures: [{ kind: 'count', label: 'places' }],
  target: 30,
});
const HATE_CRIME_TRAINING = measure({
  outcomeType: 'training-session',
  where: { field: 'topic', in: ['hate-crime'] },
  figures: [
    { kind: 'count', label: 'sessions' },
    { kind: 'sum', field: 'attendees', label: 'attendees' },
  ],
  target: 2,
});
const SPEND = measure({ outcomeType: 'referral', where: null, figures: [{ kind: 'sum', field: 'cost', label: 'spend' }], target: null });
const MILESTONE = measure({ outcomeType: 'milestone', where: null, figures: [{ kind: 'latest', field: 'stage', label: 'stage' }], target: null });

let n = 0;
function o(type: TallyInput['type'], details: TallyInput['details'], town: string | null, extra: Partial<TallyInput> = {}): TallyInput {
  n += 1;
  return { type, details, town, occurredOn: '2026-05-01', recordedAt: `2026-05-01T10:00:${String(n % 60).padStart(2, '0')}Z`, ...extra };
}
const safePlace = (town: string | null, extra: Partial<TallyInput> = {}) => o('place-joined', { scheme: 'safe-place', venueType: 'shop' }, town, extra);
const training = (topic: string, attendees: number, town: string, extra: Partial<TallyInput> = {}) =>
  o('training-session', { topic, audience: 'police', attendees, format: 'online' }, town, extra);

describe('tallyMeasure', () => {
  it('counts distinct towns, case aside, and ignores outcomes with no town', () => {
    const r = tallyMeasure(TOWNS, [safePlace('Didcot'), safePlace('didcot'), safePlace('Wantage'), safePlace(null)]);
    expect(r.figures[0]).toMatchObject({ value: 2, display: '2' });
    expect(r.outcomeCount).toBe(4);
  });

  it('counts places by town, largest first, not-town-specific last', () => {
    const r = tallyMeasure(PLACES, [safePlace('Wantage'), safePlace(null), safePlace('Didcot'), safePlace('Didcot')]);
    expect(r.figures[0]!.value).toBe(4);
    expect(r.figures[0]!.byTown).toEqual([
      { town: 'Didcot', value: 2 },
      { town: 'Wantage', value: 1 },
      { town: null, value: 1 },
    ]);
    expect(r.progress).toBeCloseTo(4 / 30);
  });

  it('counts only the outcomes its rule matches: the type and the filtered answer', () => {
    const r = tallyMeasure(HATE_CRIME_TRAINING, [
      training('hate-crime', 14, 'Didcot'),
      training('modern-slavery', 30, 'Didcot'),
      safePlace('Didcot'),
      training('hate-crime', 9, 'Wantage'),
    ]);
    expect(r.figures.map((f) => f.value)).toEqual([2, 23]);
    expect(r.progress).toBe(1);
  });

  it('one sign-up counts toward both the towns measure and the places measure', () => {
    const logged = [safePlace('Didcot')];
    expect(tallyMeasure(TOWNS, logged).figures[0]!.value).toBe(1);
    expect(tallyMeasure(PLACES, logged).figures[0]!.value).toBe(1);
  });

  it('marks what depends on outcomes still waiting to sync', () => {
    const r = tallyMeasure(HATE_CRIME_TRAINING, [training('hate-crime', 14, 'Didcot'), training('hate-crime', 9, 'Didcot', { pending: true })]);
    expect(r.pendingCount).toBe(1);
    expect(r.figures.map((f) => f.pendingValue)).toEqual([1, 9]);
    // A waiting sign-up in a town already counted adds no town.
    const towns = tallyMeasure(TOWNS, [safePlace('Didcot'), safePlace('Didcot', { pending: true }), safePlace('Thame', { pending: true })]);
    expect(towns.figures[0]).toMatchObject({ value: 2, pendingValue: 1 });
  });

  it('sums money in pence and shows pounds', () => {
    const r = tallyMeasure(SPEND, [
      o('referral', { referralKind: 'sanctuary-works', cost: 125_050 }, 'Didcot'),
      o('referral', { referralKind: 'guardcam' }, 'Didcot'),
      o('referral', { referralKind: 'sanctuary-works', cost: 9_950 }, null),
    ]);
    expect(r.figures[0]).toMatchObject({ value: 135_000, display: '£1,350' });
  });

  it('follows a milestone to its latest stage by date, then by when it was recorded', () => {
    const r = tallyMeasure(MILESTONE, [
      o('milestone', { milestone: 'Protocol', stage: 'adopted' }, null, { occurredOn: '2026-06-01', recordedAt: '2026-06-01T09:00:00Z' }),
      o('milestone', { milestone: 'Protocol', stage: 'drafted' }, null, { occurredOn: '2026-04-01', recordedAt: '2026-06-02T09:00:00Z' }),
      o('milestone', { milestone: 'Protocol', stage: 'agreed' }, null, { occurredOn: '2026-06-01', recordedAt: '2026-06-01T08:00:00Z' }),
    ]);
    expect(r.figures[0]).toMatchObject({ latest: 'Adopted', display: 'Adopted', byTown: [] });
    expect(r.progress).toBeNull();
    expect(tallyMeasure(MILESTONE, []).figures[0]!.display).toBe('Not started');
  });

  it('reports zero for every figure when nothing is logged', () => {
    const r = tallyMeasure(HATE_CRIME_TRAINING, []);
    expect(r).toMatchObject({ outcomeCount: 0, pendingCount: 0, progress: 0 });
    expect(r.figures.map((f) => f.value)).toEqual([0, 0]);
  });
});

describe('MeasureTally', () => {
  it('refuses rules that cannot add up for their type', () => {
    const base = { outcomeType: 'training-session', where: null, target: null } as const;
    expect(MeasureTally.safeParse({ ...base, figures: [{ kind: 'sum', field: 'topic', label: 'x' }] }).success).toBe(false);
    expect(MeasureTally.safeParse({ ...base, figures: [{ kind: 'latest', field: 'attendees', label: 'x' }] }).success).toBe(false);
    expect(MeasureTally.safeParse({ ...base, where: { field: 'topic', in: ['knitting'] }, figures: [{ kind: 'count', label: 'x' }] }).success).toBe(false);
    expect(MeasureTally.safeParse({ ...base, where: { field: 'attendees', in: ['1'] }, figures: [{ kind: 'count', label: 'x' }] }).success).toBe(false);
    expect(MeasureTally.safeParse({ ...base, figures: [] }).success).toBe(false);
    expect(
      MeasureTally.safeParse({
        ...base,
        figures: [
          { kind: 'sum', field: 'attendees', label: 'attendees' },
          { kind: 'distinct', field: 'town', label: 'towns' },
        ],
      }).success,
    ).toBe(true);
  });
});

describe('tallyMeasure by town', () => {
  it('groups towns case aside, under the first spelling seen', () => {
    const r = tallyMeasure(PLACES, [safePlace('Didcot'), safePlace('didcot'), safePlace('Wantage')]);
    expect(r.figures[0]!.byTown).toEqual([
      { town: 'Didcot', value: 2 },
      { town: 'Wantage', value: 1 },
    ]);
  });
});
