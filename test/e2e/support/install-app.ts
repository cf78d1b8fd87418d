import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/**
 * Installs Fieldbook in this Chromium profile as a person would from the browser's menu, and
 * moves the tab into the app window (display-mode: standalone), through the DevTools protocol's
 * PWA domain. Headless Chromium has no install dialog to click.
 */
export async function installFromBrowserMenu(context: BrowserContext, page: Page, origin: string): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  const manifestId = `${origin}/`;
  await cdp.send('PWA.install', { manifestId });
  await cdp.send('PWA.changeAppUserSettings', { manifestId, displayMode: 'standalone' });
  await cdp.send('PWA.openCurrentPageInApp', { manifestId });
  await page.waitForFunction(() => matchMedia('(display-mode: standalone)').matches);
  return cdp;
}

/** Opens a URL of the installed app in its own window, as a home-screen shortcut does. */
export async function launchInstalled(context: BrowserContext, cdp: CDPSession, origin: string, path: string): Promise<Page> {
  const opened = context.waitForEvent('page', (p) => p.url() === `${origin}${path}`);
  await cdp.send('PWA.launch', { manifestId: `${origin}/`, url: `${origin}${path}` });
  return opened;
}
