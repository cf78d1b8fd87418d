/**
 * Screenshots of the real app with the demo data, for the manifest (Chromium's richer install
 * sheet: public/screenshots, sizes from scripts/manifest-screenshots.ts) and for the docs
 * (docs/screenshots, listed in docs/installed-app.md): what an officer sees at 390×844.
 *
 *   npm run build && npx tsx scripts/render-screenshots.ts
 *
 * It runs Fieldbook as the e2e tests do (its own server and database), signs in as the demo
 * officer, logs one outcome with signal and one without, installs the app in Chromium (CDP
 * PWA.install, then opens the tab in the app window: display-mode standalone) and emulates an
 * iPhone's safe areas (a 47 px status bar and a 34 px home bar). The coordinator's progress is
 * taken at a desk size; the iOS guide with Safari's user agent. Timestamps on screen differ per
 * run; everything else is the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { DEMO_USERS } from '../src/server/seed/demo-seed';
import { CHROMIUM_LAUNCH, DESK, PHONE } from '../test/e2e/support/chromium';
import { startFieldbook } from '../test/e2e/support/fieldbook-server';
import { startNetworkSwitch } from '../test/e2e/support/network-switch';
import { actionLink, logChampionsTraining, logHotelWatchTraining, openLogForm, outcomeForm } from '../test/e2e/support/outcome-form';
import { MANIFEST_SCREENSHOTS } from './manifest-screenshots';

const IPHONE_SAFE_AREA = { top: 47, bottom: 34, left: 0, right: 0 };
const IOS_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

const manifestShot = (file: string) => {
  const shot = MANIFEST_SCREENSHOTS.find((s) => s.file === file);
  if (!shot) throw new Error(`${file} is not in scripts/manifest-screenshots.ts`);
  return shot;
};

async function docsShot(page: Page, name: string): Promise<void> {
  // Nothing focused: a tapped tab would otherwise show GOV.UK's yellow focus style.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `docs/screenshots/${name}.png`, scale: 'css', animations: 'disabled', caret: 'hide' });
  console.log(`docs/screenshots/${name}.png`);
}

/** The phone renders at twice the pixels (the install sheet shows screenshots on high-density screens). */
const PHONE_PIXEL_RATIO = 2;

async function manifestPhoneShot(page: Page, file: string): Promise<void> {
  const { width, height } = manifestShot(file);
  if (width !== PHONE.viewport.width * PHONE_PIXEL_RATIO || height !== PHONE.viewport.height * PHONE_PIXEL_RATIO) {
    throw new Error(
      `${file} is listed as ${width}x${height}; the phone renders ${PHONE.viewport.width * PHONE_PIXEL_RATIO}x${PHONE.viewport.height * PHONE_PIXEL_RATIO}`,
    );
  }
  await page.screenshot({ path: `public${file}`, scale: 'device', animations: 'disabled', caret: 'hide' });
  console.log(`public${file}`);
}

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const status = (page: Page) => page.getByTestId('sync-status');

const server = await startFieldbook();
const network = await startNetworkSwitch(server.url);
const profile = mkdtempSync(join(tmpdir(), 'fieldbook-screenshots-'));
const phone = await chromium.launchPersistentContext(profile, { ...CHROMIUM_LAUNCH, ...PHONE, deviceScaleFactor: PHONE_PIXEL_RATIO });
const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  const { officer, coordinator } = DEMO_USERS;
  const page = phone.pages()[0] ?? (await phone.newPage());
  await page.goto(network.url);
  await signIn(page, officer);
  await expect(actionLink(page, '19')).toBeVisible();
  await expect(status(page)).toContainText('All synced');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // In a browser tab, once the app is installable: Chromium's prompt becomes the app's offer.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Install Fieldbook' })).toBeVisible();
  await docsShot(page, 'browser-install-offer');

  // One outcome with signal (it syncs), one without (it waits on the phone).
  await openLogForm(page, '19');
  await logHotelWatchTraining(page, { attendees: 12, town: 'Henley-on-Thames', notes: 'Hotel Watch briefing for reception staff' });
  await expect(status(page)).toContainText('All synced');
  network.cut();
  await phone.setOffline(true);
  await tab(page, 'My actions').click();
  await openLogForm(page, '3');
  await logChampionsTraining(page, { attendees: 6, town: 'Wallingford', notes: 'Champions session at the library' });
  await expect(status(page)).toContainText('1 outcome waiting to sync');

  // Installed: Chromium moves this tab into the app window.
  const cdp = await phone.newCDPSession(page);
  const manifestId = `${network.url}/`;
  await cdp.send('PWA.install', { manifestId });
  await cdp.send('PWA.changeAppUserSettings', { manifestId, displayMode: 'standalone' });
  await cdp.send('PWA.openCurrentPageInApp', { manifestId });
  await page.waitForFunction(() => matchMedia('(display-mode: standalone)').matches);
  await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: IPHONE_SAFE_AREA });

  await tab(page, 'My actions').click();
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await docsShot(page, 'installed-my-actions');
  await manifestPhoneShot(page, '/screenshots/narrow-my-actions.png');

  await actionLink(page, '19').click();
  await expect(page.getByRole('heading', { name: 'Ref 19', exact: true })).toBeVisible();
  await docsShot(page, 'installed-action');

  await page.getByRole('link', { name: 'Log an outcome' }).click();
  const form = outcomeForm(page);
  await form.chooseType('Training session');
  await form.select('Who was it for?', 'Hotels and B&Bs');
  await form.count('Number of attendees', 8);
  await page.getByRole('combobox', { name: 'Who was it for?', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await docsShot(page, 'installed-log-outcome');
  await manifestPhoneShot(page, '/screenshots/narrow-log-outcome.png');

  await tab(page, 'Plan').click();
  await expect(page.getByRole('heading', { name: /plan/i, level: 1 })).toBeVisible();
  await docsShot(page, 'installed-plan');

  await tab(page, 'Places').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await docsShot(page, 'installed-places');

  // Safari on an iPhone, not installed: the Add to Home Screen guide.
  const iphone = await browser.newContext({ ...PHONE, userAgent: IOS_SAFARI });
  const safari = await iphone.newPage();
  await safari.goto(server.url);
  await signIn(safari, officer);
  await expect(safari.getByTestId('ios-install-guide')).toBeVisible();
  await docsShot(safari, 'ios-install-guide');
  await iphone.close();

  // The coordinator's desk, for the manifest's wide screenshot.
  const desk = await browser.newContext({ ...DESK });
  const jo = await desk.newPage();
  await jo.goto(server.url);
  await signIn(jo, coordinator);
  await expect(status(jo)).toContainText('All synced');
  await jo.getByRole('link', { name: 'Progress' }).first().click();
  await jo.getByRole('link', { name: 'Everything logged, to today' }).click();
  await expect(jo.getByRole('heading', { level: 1 })).toBeVisible();
  const wide = manifestShot('/screenshots/wide-progress.png');
  await jo.setViewportSize({ width: wide.width, height: wide.height });
  await jo.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await jo.screenshot({ path: `public${wide.file}`, animations: 'disabled', caret: 'hide' });
  console.log(`public${wide.file}`);
  await desk.close();
} finally {
  await phone.close();
  await browser.close();
  await network.close();
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}
