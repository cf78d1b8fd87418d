import { describe, it, expect } from 'vitest';
import { OutcomeInput, checkOutcomeAgainstPlan, NOTES_MAX } from '../../../src/domain/outcome';

const ACTION_ID = '6f1c7a52-3b0e-4d8a-9c1e-2a5b7d9e0f11';
const OTHER_ACTION_ID = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
const SUM_MEASURE_ID = '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const COUNT_MEASURE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

const good: OutcomeInput = {
  id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  actionId: ACTION_ID,
  measureId: SUM_MEASURE_ID,
  occurredOn: '2026-03-10',
  quantity: 4,
  town: 'Abingdon',
  notes: 'Four CPNs issued after the JTM',
  recordedAt: '2026-03-10T14:05:00Z',
};

function issuesFor(patch: Partial<Record<keyof OutcomeInput, unknown>>) {
  const r = OutcomeInput.safeParse({ ...good, ...patch });
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('OutcomeInput', () => {
  it('accepts a well-formed outcome', () => {
    expect(OutcomeInput.safeParse(good)).toEqual({ success: true, data: good });
  });

  it('accepts a null quantity and a null (district-wide) town', () => {
    expect(OutcomeInput.safeParse({ ...good, quantity: null, town: null }).success).toBe(true);
  });

  it('rejects a quantity of 0', () => {
    expect(issuesFor({ quantity: 0 })).toEqual([{ path: 'quantity', message: 'Must be 1 or more' }]);
  });

  it('rejects a fractional quantity', () => {
    const issues = issuesFor({ quantity: 1.5 });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('quantity');
    expect(issues[0]!.message).not.toBe('');
  });

  it('rejects a quantity over 100000', () => {
    expect(issuesFor({ quantity: 100_001 })).toEqual([{ path: 'quantity', message: 'Must be 100000 or less' }]);
  });

  it('rejects an id that is not a UUID', () => {
    expect(issuesFor({ id: 'outcome-1' })).toEqual([{ path: 'id', message: 'Must be a UUID' }]);
  });

  it('rejects a date that is not a real YYYY-MM-DD date', () => {
    expect(issuesFor({ occurredOn: '2026-02-30' })).toEqual([{ path: 'occurredOn', message: 'Must be a date in the form YYYY-MM-DD' }]);
    expect(issuesFor({ occurredOn: '10/03/2026' })).toEqual([{ path: 'occurredOn', message: 'Must be a date in the form YYYY-MM-DD' }]);
  });

  it('accepts notes of exactly 2000 characters and rejects 2001', () => {
    expect(OutcomeInput.safeParse({ ...good, notes: 'x'.repeat(NOTES_MAX) }).success).toBe(true);
    expect(issuesFor({ notes: 'x'.repeat(NOTES_MAX + 1) })).toEqual([{ path: 'notes', message: 'Must be 2000 characters or fewer' }]);
  });
});

describe('checkOutcomeAgainstPlan', () => {
  const TODAY = '2026-03-10';
  const action = { id: ACTION_ID };
  const sumMeasure = { id: SUM_MEASURE_ID, actionId: ACTION_ID, tally: { kind: 'sum', unit: 'CPNs issued' } } as const;
  const countMeasure = { id: COUNT_MEASURE_ID, actionId: ACTION_ID, tally: { kind: 'count' } } as const;
  const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

  it('finds nothing wrong with a valid outcome', () => {
    expect(checkOutcomeAgainstPlan(good, action, sumMeasure, TODAY)).toEqual([]);
    expect(checkOutcomeAgainstPlan({ ...good, measureId: COUNT_MEASURE_ID, quantity: null }, action, countMeasure, TODAY)).toEqual([]);
  });

  it('refuses a measure that is missing', () => {
    expect(fields(checkOutcomeAgainstPlan(good, action, undefined, TODAY))).toEqual(['measureId']);
  });

  it('refuses a measure that belongs to another action', () => {
    const elsewhere = { ...sumMeasure, actionId: OTHER_ACTION_ID };
    expect(fields(checkOutcomeAgainstPlan(good, action, elsewhere, TODAY))).toEqual(['measureId']);
  });

  it('refuses a measure whose id differs from the outcome’s measureId', () => {
    expect(fields(checkOutcomeAgainstPlan(good, action, countMeasure, TODAY))).toEqual(['measureId']);
  });

  it('asks for a quantity on a sum measure, naming the unit', () => {
    const problems = checkOutcomeAgainstPlan({ ...good, quantity: null }, action, sumMeasure, TODAY);
    expect(problems).toEqual([{ field: 'quantity', message: 'Enter how many CPNs issued' }]);
  });

  it('refuses a quantity on a count measure', () => {
    const problems = checkOutcomeAgainstPlan({ ...good, measureId: COUNT_MEASURE_ID, quantity: 2 }, action, countMeasure, TODAY);
    expect(fields(problems)).toEqual(['quantity']);
  });

  it('allows a date one day after today (devices either side of midnight)', () => {
    expect(checkOutcomeAgainstPlan({ ...good, occurredOn: '2026-03-11' }, action, sumMeasure, TODAY)).toEqual([]);
  });

  it('refuses a date two days after today', () => {
    const problems = checkOutcomeAgainstPlan({ ...good, occurredOn: '2026-03-12' }, action, sumMeasure, TODAY);
    expect(problems).toEqual([{ field: 'occurredOn', message: 'Date must be today or in the past' }]);
  });

  it('handles the one-day slack across a month end', () => {
    expect(checkOutcomeAgainstPlan({ ...good, occurredOn: '2026-03-01' }, action, sumMeasure, '2026-02-28')).toEqual([]);
    expect(fields(checkOutcomeAgainstPlan({ ...good, occurredOn: '2026-03-02' }, action, sumMeasure, '2026-02-28'))).toEqual(['occurredOn']);
  });

  it('refuses a date before 2000-01-01 and allows that day itself', () => {
    expect(fields(checkOutcomeAgainstPlan({ ...good, occurredOn: '1999-12-31' }, action, sumMeasure, TODAY))).toEqual(['occurredOn']);
    expect(checkOutcomeAgainstPlan({ ...good, occurredOn: '2000-01-01' }, action, sumMeasure, TODAY)).toEqual([]);
  });

  it('reports a measure problem and a date problem together', () => {
    const problems = checkOutcomeAgainstPlan({ ...good, quantity: null, occurredOn: '2030-01-01' }, action, sumMeasure, TODAY);
    expect(fields(problems)).toEqual(['quantity', 'occurredOn']);
  });
});
