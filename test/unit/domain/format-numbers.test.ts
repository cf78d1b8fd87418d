import { describe, expect, it } from 'vitest';
import { formatPence, formatWhole, labelFor } from '../../../src/domain/outcome-types/format';

/**
 * Whole numbers and pence are formatted without Intl (it is slow to start on a phone, decision
 * 32); the result must be exactly what Intl's en-GB formatting gives, which it replaced.
 */
describe('number formatting without Intl', () => {
  const wholes = [0, 1, -1, 7, 12, 999, 1000, -1000, 1001, 12_345, 99_999, 100_000, 999_999, 1_000_000, 1_234_567, -9_876_543, Number.MAX_SAFE_INTEGER];
  it('groups whole numbers by thousands as en-GB does', () => {
    for (const n of wholes) expect(formatWhole(n), String(n)).toBe(n.toLocaleString('en-GB'));
    expect(formatWhole(12_345)).toBe('12,345');
  });

  it('formats anything else through Intl', () => {
    for (const n of [1.5, -2.25, 1234.5, 1e21]) expect(formatWhole(n), String(n)).toBe(n.toLocaleString('en-GB'));
  });

  it('writes pence as pounds, with pence only when there are some', () => {
    const intl = (p: number) => `£${(p / 100).toLocaleString('en-GB', { minimumFractionDigits: p % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
    for (const p of [0, 1, 5, 10, 99, 100, 101, 150, 10_000, 125_050, 100_000, 123_456_789, -1, -150, -125_050])
      expect(formatPence(p), String(p)).toBe(intl(p));
    expect(formatPence(125_050)).toBe('£1,250.50');
    expect(formatPence(10_000)).toBe('£100');
  });
});

describe('labelFor', () => {
  it('takes the singular of the first word for one, and leaves other counts alone', () => {
    expect(labelFor('sessions', 1)).toBe('session');
    expect(labelFor('sessions', 0)).toBe('sessions');
    expect(labelFor('places signed up', 1)).toBe('place signed up');
    expect(labelFor('activities', 1)).toBe('activity');
    expect(labelFor('people reached', 1)).toBe('people reached');
    expect(labelFor('total spend', 1)).toBe('total spend');
    expect(labelFor('issued', 1)).toBe('issued');
  });
});
