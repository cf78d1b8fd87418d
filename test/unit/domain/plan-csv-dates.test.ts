import { describe, it, expect } from 'vitest';
import { parsePlanCsv, allActions } from '../../../src/domain/plan-import/plan-csv';
import { readDueDate } from '../../../src/domain/plan-import/due-date';

const importDue = (due: string) => parsePlanCsv(`objective,priority,action,measures,due\nO,P,Act,number of CPNs issued,"${due}"`);

describe('due dates as people type them', () => {
  it.each([
    ['2019-03-31', '2019-03-31'],
    ['31/03/2019', '2019-03-31'],
    ['31/3/19', '2019-03-31'],
    ['31.03.2019', '2019-03-31'],
    ['31-03-2019', '2019-03-31'],
    ['03/04/2019', '2019-04-03'],
    ['1/4/95', '1995-04-01'],
    ['31 March 2019', '2019-03-31'],
    ['31 Mar 2019', '2019-03-31'],
    ['31st March 2019', '2019-03-31'],
    ['30 Sept 2018', '2018-09-30'],
    ['31-Mar-19', '2019-03-31'],
    ['by 31 March 2019', '2019-03-31'],
    ['31/03/2019 00:00', '2019-03-31'],
    ['29/02/2020', '2020-02-29'],
  ])('reads the day %j as %s, with no note', (cell, iso) => {
    expect(readDueDate(cell)).toEqual({ kind: 'date', iso, readAs: null });
    const r = importDue(cell);
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([]);
    expect([...allActions(r.plan)][0]!.dueOn).toBe(iso);
  });

  it.each([
    ['March 2019', '2019-03-31', 'the last day of that month'],
    ['Mar 2019', '2019-03-31', 'the last day of that month'],
    ['Feb 2020', '2020-02-29', 'the last day of that month'],
    ['end of March 2019', '2019-03-31', 'the last day of that month'],
    ['Mar-19', '2019-03-31', 'the last day of that month'],
    ['Q1 2018/19', '2018-06-30', 'the last day of that quarter (quarters follow the financial year: Q1 is April to June)'],
    ['Q2 2018/19', '2018-09-30', 'the last day of that quarter (quarters follow the financial year: Q1 is April to June)'],
    ['Q3 2018/19', '2018-12-31', 'the last day of that quarter (quarters follow the financial year: Q1 is April to June)'],
    ['Q4 2018/19', '2019-03-31', 'the last day of that quarter (quarters follow the financial year: Q1 is April to June)'],
    ['2018/19 Q4', '2019-03-31', 'the last day of that quarter (quarters follow the financial year: Q1 is April to June)'],
    ['2018/19', '2019-03-31', 'the end of that financial year'],
    ['2018-19', '2019-03-31', 'the end of that financial year'],
    ['2018/2019', '2019-03-31', 'the end of that financial year'],
    ['1999/00', '2000-03-31', 'the end of that financial year'],
  ])('reads the period %j as its last day, %s, with a note', (cell, iso, readAs) => {
    expect(readDueDate(cell)).toEqual({ kind: 'date', iso, readAs });
  });

  it('notes how it read a period', () => {
    const r = importDue('Q3 2018/19');
    expect([...allActions(r.plan)][0]!.dueOn).toBe('2018-12-31');
    expect(r.notes).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'due',
        message: 'Due "Q3 2018/19" was read as 31 December 2018, the last day of that quarter (quarters follow the financial year: Q1 is April to June)',
      },
    ]);
  });

  it.each(['Ongoing', 'on-going', 'Annual', 'Quarterly', 'monthly', 'TBC', 'n/a', 'N/A', '-', 'As required', 'Ongoing throughout 2018/19'])(
    'leaves %j blank, with a note',
    (cell) => {
      expect(readDueDate(cell)).toEqual({ kind: 'none' });
      const r = importDue(cell);
      expect(r.problems).toEqual([]);
      expect([...allActions(r.plan)][0]!.dueOn).toBeNull();
      expect(r.notes).toEqual([{ file: 'actions', line: 2, column: 'due', message: `Due "${cell}" is not a date: left blank` }]);
    },
  );

  it.each([
    ['31/02/2019', 'Due "31/02/2019" is not a date: February 2019 has 28 days'],
    ['31/04/2019', 'Due "31/04/2019" is not a date: April 2019 has 30 days'],
    ['3/31/2019', 'Due "3/31/2019" is not a date: 31 is not a month. Dates are read day first, as in 31/03/2019'],
    ['31/13/2019', 'Due "31/13/2019" is not a date: 13 is not a month'],
    ['31/03/1989', 'Due "31/03/1989" is not between 1990 and 2100'],
    ['2101-01-01', 'Due "2101-01-01" is not between 1990 and 2100'],
    ['2019', 'Due "2019" is a year, not a date: write the day it is due, such as 31/03/2019'],
    ['Q5 2018/19', 'Due "Q5 2018/19" is not a date Fieldbook can read: write it as a day such as 31/03/2019, or leave it blank'],
    ['Q1 2018/20', 'Due "Q1 2018/20" is not a financial year: write it as 2018/19'],
    ['next spring', 'Due "next spring" is not a date Fieldbook can read: write it as a day such as 31/03/2019, or leave it blank'],
    ['43555', 'Due "43555" is not a date Fieldbook can read: write it as a day such as 31/03/2019, or leave it blank'],
  ])('refuses %j, quoting it', (cell, message) => {
    expect(readDueDate(cell)).toEqual({ kind: 'bad', message });
    const r = importDue(cell);
    expect(r.problems).toEqual([{ file: 'actions', line: 2, column: 'due', message }]);
    expect(r.actionCount).toBe(0);
  });
});
