import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';

/**
 * The iOS guide is for Safari on an iPhone or iPad, outside the Home Screen app: the only iOS
 * browser that can add Fieldbook to the Home Screen through Share and where nothing else offers it.
 * Each case stubs the browser (user agent, touch points, standalone flags, matchMedia) and
 * imports the app afresh, as a page load would read them.
 */
const UA = {
  iPhoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  iPadSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
  chromeOnIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.156 Mobile/15E148 Safari/604.1',
  androidChrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
};

interface Browser {
  userAgent: string;
  maxTouchPoints: number;
  /** iOS Safari's own flag, true when opened from the Home Screen. */
  iosStandalone?: boolean;
  /** The display-mode media query. */
  displayModeStandalone?: boolean;
}

const stubbed: string[] = [];
function stubNavigator(name: string, value: unknown) {
  Object.defineProperty(window.navigator, name, { value, configurable: true });
  stubbed.push(name);
}

async function openFieldbookIn(browser: Browser) {
  stubNavigator('userAgent', browser.userAgent);
  stubNavigator('maxTouchPoints', browser.maxTouchPoints);
  if (browser.iosStandalone !== undefined) stubNavigator('standalone', browser.iosStandalone);
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(display-mode: standalone)' && browser.displayModeStandalone === true,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
  vi.resetModules();
  const [{ renderOnOfflinePhone }, { default: InstallOffer }] = await Promise.all([
    import('./render-device'),
    import('../../src/app/ui/components/InstallOffer'),
  ]);
  return renderOnOfflinePhone([{ path: '*', element: <InstallOffer /> }], '/');
}

const guideHeading = () => screen.queryByRole('heading', { name: 'Add Fieldbook to your Home Screen' });

/** Nothing is shown, even once the guide's lazily loaded module would have arrived. */
async function expectNoGuide(container: HTMLElement) {
  await act(async () => {
    await import('../../src/app/ui/components/IosInstallGuide');
  });
  expect(guideHeading()).toBeNull();
  expect(container.textContent).toBe('');
}

afterEach(() => {
  for (const name of stubbed.splice(0)) delete (window.navigator as unknown as Record<string, unknown>)[name];
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('the iOS "Add to Home Screen" guide', () => {
  it('shows Safari on an iPhone the three steps, and why: installed, the app keeps its data and works offline', async () => {
    await openFieldbookIn({ userAgent: UA.iPhoneSafari, maxTouchPoints: 5, iosStandalone: false });
    expect(await screen.findByRole('heading', { name: 'Add Fieldbook to your Home Screen' })).toBeTruthy();
    const guide = screen.getByTestId('ios-install-guide');
    expect(guide.textContent).toContain('Safari can clear a website’s saved data when it has not been opened for a week');
    expect(guide.textContent).toContain('keeps what you log and opens without signal');
    const steps = [...guide.querySelectorAll('ol > li')].map((li) => li.textContent);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/Tap Share in Safari’s toolbar/);
    expect(steps[1]).toMatch(/tap Add to Home Screen/);
    expect(steps[2]).toMatch(/Tap Add, then open Fieldbook from your Home Screen/);
    // The illustrations are decoration: the words carry every step.
    for (const svg of guide.querySelectorAll('svg')) expect(svg.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows Safari on an iPad, which says it is a Mac but has a touch screen', async () => {
    await openFieldbookIn({ userAgent: UA.iPadSafari, maxTouchPoints: 5 });
    expect(await screen.findByTestId('ios-install-guide')).toBeTruthy();
  });

  it('is not shown in the Home Screen app (navigator.standalone), nor where display-mode is standalone', async () => {
    const { container, unmount } = await openFieldbookIn({ userAgent: UA.iPhoneSafari, maxTouchPoints: 5, iosStandalone: true });
    await expectNoGuide(container);
    unmount();
    const again = await openFieldbookIn({ userAgent: UA.iPhoneSafari, maxTouchPoints: 5, iosStandalone: false, displayModeStandalone: true });
    await expectNoGuide(again.container);
  });

  it('is not shown to Chrome on an iPhone, Chrome on Android, or Safari on a Mac', async () => {
    for (const browser of [
      { userAgent: UA.chromeOnIphone, maxTouchPoints: 5 },
      { userAgent: UA.androidChrome, maxTouchPoints: 5 },
      { userAgent: UA.macSafari, maxTouchPoints: 0 },
    ]) {
      const { container, unmount } = await openFieldbookIn(browser);
      await expectNoGuide(container);
      unmount();
    }
  });

  it('goes on "Not now" and is not back at the next start', async () => {
    const first = await openFieldbookIn({ userAgent: UA.iPhoneSafari, maxTouchPoints: 5, iosStandalone: false });
    await screen.findByTestId('ios-install-guide');
    act(() => screen.getByRole('button', { name: 'Not now' }).click());
    await waitFor(() => expect(guideHeading()).toBeNull());
    first.unmount();
    const next = await openFieldbookIn({ userAgent: UA.iPhoneSafari, maxTouchPoints: 5, iosStandalone: false });
    await expectNoGuide(next.container);
  });
});
