import { describe, expect, it } from 'vitest';
import { DISMISSAL_KEY, offerAllowed, recordDismissal, REOFFER_AFTER_DAYS } from '../../../src/app/pwa/install-dismissal';
import { isIosSafari } from '../../../src/app/pwa/install-platform';
import { memoryStorage } from '../../support/memory-storage';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 24 * 60 * 60 * 1000);

describe('the install offer after "Not now"', () => {
  it('is offered on a device that never said no', () => {
    expect(offerAllowed(memoryStorage(), day(0))).toBe(true);
  });

  it(`comes back ${REOFFER_AFTER_DAYS} days after the first "Not now", and never after the second`, () => {
    const storage = memoryStorage();
    recordDismissal(storage, day(0));
    expect(offerAllowed(storage, day(1))).toBe(false);
    expect(offerAllowed(storage, day(REOFFER_AFTER_DAYS - 1))).toBe(false);
    expect(offerAllowed(storage, day(REOFFER_AFTER_DAYS))).toBe(true);
    recordDismissal(storage, day(REOFFER_AFTER_DAYS));
    expect(offerAllowed(storage, day(REOFFER_AFTER_DAYS * 2))).toBe(false);
    expect(offerAllowed(storage, day(3650))).toBe(false);
  });

  it('stays quiet when what is stored cannot be read, and a "Not now" then starts the count afresh', () => {
    const storage = memoryStorage({ [DISMISSAL_KEY]: '{"count":"two"}' });
    expect(offerAllowed(storage, day(400))).toBe(false);
    recordDismissal(storage, day(400));
    expect(JSON.parse(storage.m.get(DISMISSAL_KEY)!)).toEqual({ count: 1, lastAt: day(400).toISOString() });
  });
});

describe('Safari on iPhone and iPad, which has no install prompt', () => {
  const ua = {
    iPhoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
    iPadDesktopSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
    chromeOnIphone:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.156 Mobile/15E148 Safari/604.1',
    firefoxOnIphone:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/141.0 Mobile/15E148 Safari/605.1.15',
    facebookInApp:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/520.0.0.38.101]',
    androidChrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36',
  };

  it('is told apart from the other browsers on iOS, and from Safari on a Mac', () => {
    expect(isIosSafari(ua.iPhoneSafari, 5)).toBe(true);
    expect(isIosSafari(ua.iPadDesktopSafari, 5)).toBe(true);
    expect(isIosSafari(ua.iPadDesktopSafari, 0)).toBe(false); // a Mac: no touch screen
    expect(isIosSafari(ua.chromeOnIphone, 5)).toBe(false);
    expect(isIosSafari(ua.firefoxOnIphone, 5)).toBe(false);
    expect(isIosSafari(ua.facebookInApp, 5)).toBe(false);
    expect(isIosSafari(ua.androidChrome, 5)).toBe(false);
  });
});
