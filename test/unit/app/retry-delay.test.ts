import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/app/sync/sync-engine';

describe('retry backoff', () => {
  it('doubles from 5 seconds up to a 5-minute cap', () => {
    const most = (n: number) => retryDelayMs(n, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 12].map(most)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('jitters each wait between half and all of its ceiling', () => {
    expect(retryDelayMs(3, () => 0)).toBe(20_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(30_000);
    const waits = Array.from({ length: 200 }, () => retryDelayMs(8));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(150_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(300_000);
    expect(new Set(waits).size).toBeGreaterThan(100);
  });
});
