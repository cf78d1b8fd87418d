import type { Page } from '@playwright/test';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { installFromBrowserMenu, launchInstalled } from './support/install-app';
import { actionLink, openLogForm, outcomeForm } from './support/outcome-form';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

/**
 * Issue 9, deliverables 1 and 2: installing Fieldbook in Chromium, and what it is like installed.
 * Chromium's own `beforeinstallprompt` is used as it comes (the app is installable, the profile
 * is persistent); the install itself goes through the DevTools protocol (install-app.ts).
 */
const { officer } = DEMO_USERS;
const installButton = (page: Page) => page.getByRole('button', { name: 'Install Fieldbook' });

/** Counts Chromium's beforeinstallprompt events as the page sees them (observed, never faked). */
async function countInstallPrompts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { installPrompts: number };
    w.installPrompts = 0;
    window.addEventListener('beforeinstallprompt', () => w.installPrompts++);
  });
}
const installPromptArrived = (page: Page) => page.waitForFunction(() => (window as unknown as { installPrompts: number }).installPrompts > 0);

/** Signed in, with the service worker in control: the state in which Chromium considers the app installable. */
async function signedInPhone(page: Page, url: string): Promise<void> {
  await countInstallPrompts(page);
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await installPromptArrived(page);
  // Chromium has offered installation, but no one has signed in: nothing is offered yet.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(installButton(page)).toHaveCount(0);
  await signIn(page, officer);
  await expect(actionLink(page, '19')).toBeVisible();
}

test('the install button appears after beforeinstallprompt once signed in, and is gone in standalone mode', async ({ fieldbook: server, openPhone }) => {
  const phone = await openPhone();
  const page = await firstPage(phone);
  await signedInPhone(page, server.url);
  const offer = page.getByRole('region', { name: 'Install Fieldbook on this device' });
  await expect(offer).toContainText('works without signal');
  await expect(installButton(page)).toBeVisible();

  await installFromBrowserMenu(phone, page, server.url);
  await expect(installButton(page)).toHaveCount(0);
  await expect(offer).toHaveCount(0);
  // And a fresh start of the installed app does not offer it either.
  await page.reload();
  await expect(actionLink(page, '19')).toBeVisible();
  expect(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true);
  await expect(installButton(page)).toHaveCount(0);
});

test('"Not now" puts the offer away, and the next start does not bring it back', async ({ fieldbook: server, openPhone }) => {
  const phone = await openPhone();
  const page = await firstPage(phone);
  await signedInPhone(page, server.url);
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(installButton(page)).toHaveCount(0);

  await page.reload();
  await installPromptArrived(page);
  await expect(actionLink(page, '19')).toBeVisible();
  await expect(installButton(page)).toHaveCount(0);
});

test('installed: a shortcut opens its deep link offline, under the notch and home bar, with the right keyboard and no bounce on the form', async ({
  fieldbook: server,
  openPhone,
}) => {
  const phone = await openPhone();
  const page = await firstPage(phone);
  await signedInPhone(page, server.url);
  const cdp = await installFromBrowserMenu(phone, page, server.url);

  // No signal, and the home screen's "Log outcome" shortcut: /log, straight from the service worker.
  await phone.setOffline(true);
  const shortcut = await launchInstalled(phone, cdp, server.url, '/log');
  await expect(shortcut.getByRole('heading', { name: 'Log an outcome', level: 1 })).toBeVisible();
  expect(await shortcut.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true);
  // (Playwright's input does not reach windows the protocol launched: the rest uses the window
  // the browser tab moved into, which is the same installed app.)
  await shortcut.close();
  await page.bringToFront();

  // An iPhone's status bar (47 px) and home bar (34 px): the header and tab bar keep clear of them.
  await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 47, bottom: 34, left: 0, right: 0 } });
  const header = page.locator('header.header');
  const tabbar = page.getByRole('navigation', { name: 'Main' });
  await expect(header).toHaveCSS('padding-top', '47px');
  await expect(tabbar).toHaveCSS('padding-bottom', '34px');
  const headerTitle = await page.getByRole('link', { name: 'Fieldbook' }).boundingBox();
  expect(headerTitle!.y).toBeGreaterThanOrEqual(47);
  const lastTab = await tabbar.getByRole('link', { name: 'Places' }).boundingBox();
  expect(lastTab!.y + lastTab!.height).toBeLessThanOrEqual(page.viewportSize()!.height - 34);

  // Chrome is not selectable text; the plan's own words are.
  await expect(tabbar).toHaveCSS('user-select', 'none');
  await expect(header).toHaveCSS('user-select', 'none');
  await expect(page.locator('main')).toHaveCSS('user-select', 'auto');

  // Installed, the page never bounces or pulls to refresh, on any screen.
  await expect(page.locator('html')).toHaveCSS('overscroll-behavior-y', 'none');

  // The form asks for counts with the number pad.
  await openLogForm(page, '19');
  await outcomeForm(page).chooseType('Training session');
  await expect(page.getByRole('textbox', { name: 'Number of attendees', exact: true })).toHaveAttribute('inputmode', 'numeric');
});

test('in a browser tab, only the form screens stop pull-to-refresh', async ({ fieldbook: server, openPhone }) => {
  const phone = await openPhone();
  const page = await firstPage(phone);
  await signedInPhone(page, server.url);
  const html = page.locator('html');
  await expect(html).toHaveCSS('overscroll-behavior-y', 'auto');
  await openLogForm(page, '19');
  await expect(html).toHaveCSS('overscroll-behavior-y', 'none');
});

test('theme-color follows light and dark mode, matching the header under the status bar', async ({ fieldbook: server, openPhone }) => {
  const phone = await openPhone();
  const page = await firstPage(phone);
  await signedInPhone(page, server.url);
  const colours: Record<string, { theme: string; header: string }> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    colours[colorScheme] = await page.evaluate(() => {
      const metas = [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].filter((m) => !m.media || matchMedia(m.media).matches);
      if (metas.length !== 1) throw new Error(`${metas.length} theme-color tags apply, expected exactly one`);
      // Normalise #rrggbb to the rgb() form getComputedStyle uses.
      const probe = document.createElement('div');
      probe.style.color = metas[0]!.content;
      document.body.append(probe);
      const theme = getComputedStyle(probe).color;
      probe.remove();
      return { theme, header: getComputedStyle(document.querySelector('header.header')!).backgroundColor };
    });
    expect(colours[colorScheme].header).toBe(colours[colorScheme].theme);
  }
  expect(colours.dark!.theme).not.toBe(colours.light!.theme);
});
