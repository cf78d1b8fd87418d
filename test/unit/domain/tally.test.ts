import { describe, it, expect } from 'vitest';
import { tallyMeasure, type TallyInput } from '../../../src/domain/tally';

const SUM = { id: 'm-sum', tally: { kind: 'sum', unit: 'CPNs issued' } } as const;
const COUNT = { id: 'm-count', tally: { kind: 'count' } } as const;

const outcome = (measureId: string, quantity: number | null, town: string | null, pending = false): TallyInput => ({ measureId, quantity, town, pending });

describe('tallyMeasure', () => {
  it('adds up quantities for a sum measure', () => {
    const r = tallyMeasure(SUM, [outcome('m-sum', 3, 'Abingdon'), outcome('m-sum', 4, 'Wantage')]);
    expect(r).toMatchObject({ measureId: 'm-sum', total: 7, outcomeCount: 2 });
  });

  it('counts each outcome once for a count measure, whatever its quantity', () => {
    const r = tallyMeasure(COUNT, [outcome('m-count', null, 'Abingdon'), outcome('m-count', null, null), outcome('m-count', 5, null)]);
    expect(r).toMatchObject({ measureId: 'm-count', total: 3, outcomeCount: 3 });
  });

  it('ignores outcomes logged against other measures', () => {
    const r = tallyMeasure(SUM, [outcome('m-sum', 2, 'Abingdon'), outcome('m-other', 50, 'Abingdon'), outcome('m-count', 9, null)]);
    expect(r.total).toBe(2);
    expect(r.outcomeCount).toBe(1);
    expect(r.byTown).toEqual([{ town: 'Abingdon', total: 2 }]);
  });

  it('puts only pending outcomes into pendingTotal', () => {
    const r = tallyMeasure(SUM, [outcome('m-sum', 2, 'Abingdon', true), outcome('m-sum', 10, 'Abingdon'), outcome('m-sum', 5, null, true)]);
    expect(r.total).toBe(17);
    expect(r.pendingTotal).toBe(7);
  });

  it('returns zeroes and no towns when nothing is logged', () => {
    expect(tallyMeasure(COUNT, [])).toEqual({ measureId: 'm-count', total: 0, pendingTotal: 0, outcomeCount: 0, byTown: [] });
  });

  it('lists towns largest first, ties by name, district-wide (null) last', () => {
    const r = tallyMeasure(SUM, [
      outcome('m-sum', 100, null),
      outcome('m-sum', 2, 'Wantage'),
      outcome('m-sum', 3, 'Didcot'),
      outcome('m-sum', 5, 'Thame'),
      outcome('m-sum', 3, 'Abingdon'),
      outcome('m-sum', 1, 'Wantage'),
    ]);
    expect(r.byTown).toEqual([
      { town: 'Thame', total: 5 },
      { town: 'Abingdon', total: 3 },
      { town: 'Didcot', total: 3 },
      { town: 'Wantage', total: 3 },
      { town: null, total: 100 },
    ]);
  });
});
