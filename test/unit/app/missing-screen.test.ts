import { describe, expect, it } from 'vitest';
import { claimReloadForMissingScreen, RELOAD_GUARD_MS, RELOADED_AT_KEY } from '../../../src/app/pwa/missing-screen';
import { memoryStorage } from '../../support/memory-storage';

describe('reloading for a screen a deployment removed', () => {
  it('reloads once, then shows the failure instead of reloading again within the guard', () => {
    const storage = memoryStorage({});
    const t0 = 1_800_000_000_000;
    expect(claimReloadForMissingScreen(storage, t0, true)).toBe(true);
    expect(storage.getItem(RELOADED_AT_KEY)).toBe(String(t0));
    // The reloaded page fails again: reloading will not help, and must not loop.
    expect(claimReloadForMissingScreen(storage, t0 + 2_000, true)).toBe(false);
    expect(claimReloadForMissingScreen(storage, t0 + RELOAD_GUARD_MS - 1, true)).toBe(false);
    // A later deployment, long after: one more reload is allowed.
    expect(claimReloadForMissingScreen(storage, t0 + RELOAD_GUARD_MS, true)).toBe(true);
  });

  it('never reloads offline (the browser would replace the app with its own error page)', () => {
    const storage = memoryStorage({});
    expect(claimReloadForMissingScreen(storage, 1_800_000_000_000, false)).toBe(false);
    expect(storage.getItem(RELOADED_AT_KEY)).toBeNull();
  });

  it('treats a damaged note as no reload yet', () => {
    const storage = memoryStorage({ [RELOADED_AT_KEY]: 'not a number' });
    expect(claimReloadForMissingScreen(storage, 1_800_000_000_000, true)).toBe(true);
  });
});
