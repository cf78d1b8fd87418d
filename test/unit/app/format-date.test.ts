import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from '../../../src/app/ui/format-date';

/**
 * Due dates are written out without Intl (its first formatter is slow to make on a phone,
 * decision 32): exactly as Intl's en-GB formatting, which it replaced, wrote them.
 */
describe('formatDate', () => {
  const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  it('writes every month and day as Intl en-GB does', () => {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 9, 10, 28]) {
        const iso = `2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(formatDate(iso), iso).toBe(intl.format(new Date(`${iso}T00:00:00Z`)));
      }
    }
    expect(formatDate('2019-03-31')).toBe('31 Mar 2019');
  });

  it('treats odd dates as Intl did', () => {
    expect(formatDate('2019-02-29')).toBe(intl.format(new Date('2019-02-29T00:00:00Z')));
    expect(formatDate('0999-01-01')).toBe(intl.format(new Date('0999-01-01T00:00:00Z')));
    expect(() => formatDate('not a date')).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  const intl = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
  it("writes the phone's local time of day as Intl en-GB does", () => {
    for (const iso of ['2026-12-07T00:00:00Z', '2026-12-07T09:05:00Z', '2026-12-07T12:30:59Z', '2026-06-30T23:59:00Z', '2026-03-29T01:30:00Z']) {
      expect(formatTime(iso), iso).toBe(intl.format(new Date(iso)));
    }
  });
});
