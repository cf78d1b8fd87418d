import { describe, expect, it } from 'vitest';
import { customPeriod, daysIn, financialYearOf, inPeriod, monthsOf, quarterOf, quartersOf } from '../../../src/domain/period';

describe('UK financial years and quarters', () => {
  it('puts 1 April in the new year and 31 March in the old', () => {
    expect(financialYearOf('2018-04-01')).toEqual({ start: '2018-04-01', end: '2019-03-31', label: '2018/19' });
    expect(financialYearOf('2019-03-31')).toEqual({ start: '2018-04-01', end: '2019-03-31', label: '2018/19' });
    expect(financialYearOf('1999-12-31').label).toBe('1999/00');
  });

  it('splits the year into Apr–Jun, Jul–Sep, Oct–Dec and Jan–Mar, with the right last days', () => {
    expect(quartersOf(2019).map((q) => [q.start, q.end, q.label])).toEqual([
      ['2019-04-01', '2019-06-30', 'Q1 2019/20 (Apr–Jun 2019)'],
      ['2019-07-01', '2019-09-30', 'Q2 2019/20 (Jul–Sep 2019)'],
      ['2019-10-01', '2019-12-31', 'Q3 2019/20 (Oct–Dec 2019)'],
      ['2020-01-01', '2020-03-31', 'Q4 2019/20 (Jan–Mar 2020)'],
    ]);
  });

  it('finds the quarter of any day', () => {
    expect(quarterOf('2018-06-30').label).toBe('Q1 2018/19 (Apr–Jun 2018)');
    expect(quarterOf('2018-07-01').label).toBe('Q2 2018/19 (Jul–Sep 2018)');
    expect(quarterOf('2019-02-28')).toMatchObject({ start: '2019-01-01', end: '2019-03-31' });
  });

  it('counts days with both ends included, and lists the months a period spans', () => {
    expect(daysIn({ start: '2018-04-01', end: '2019-03-31' })).toBe(365);
    expect(daysIn({ start: '2019-04-01', end: '2020-03-31' })).toBe(366);
    expect(daysIn({ start: '2018-05-01', end: '2018-05-01' })).toBe(1);
    expect(monthsOf({ start: '2018-11-15', end: '2019-02-01' })).toEqual(['2018-11', '2018-12', '2019-01', '2019-02']);
    expect(inPeriod('2018-06-30', quarterOf('2018-05-01'))).toBe(true);
    expect(inPeriod('2018-07-01', quarterOf('2018-05-01'))).toBe(false);
    expect(customPeriod('2018-04-01', '2018-06-15').label).toBe('1 Apr 2018 – 15 Jun 2018');
  });
});
