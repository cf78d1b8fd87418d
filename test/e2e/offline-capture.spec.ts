import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './support/chromium';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { startNetworkSwitch } from './support/network-switch';
import { outcomesOnServer } from './support/server-api';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

const { officer, coordinator } = DEMO_USERS;

async function logOutcome(page: Page, ref: string, measure: string, town: string, notes: string, howMany?: string) {
  await page.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).first().click();
  await page.getByRole('link', { name: 'Log an outcome' }).click();
  await page.getByLabel(measure, { exact: true }).check();
  if (howMany) await page.getByLabel('How many?').fill(howMany);
  await page.getByLabel(town, { exact: true }).check();
  await page.getByLabel('Notes (optional)').fill(notes);
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await expect(page.getByText('Outcome saved on this phone.')).toBeVisible();
  await page.getByRole('link', { name: 'My actions' }).click();
}

const status = (page: Page) => page.getByTestId('sync-status');

test('an officer logs outcomes with no signal, across a browser restart, and they reach the coordinator exactly once', async ({ fieldbook: server, openPhone }) => {
  // The phone reaches the server through a network the test can cut, for pages and the service
  // worker alike (Background Sync wakes the worker even at browser start-up).
  const network = await startNetworkSwitch(server.url);
  const noSignal = async (context: BrowserContext) => {
    network.cut();
    await context.setOffline(true);
  };
  const signalBack = async (context: BrowserContext) => {
    network.restore();
    await context.setOffline(false);
  };

  // Sign in online: the plan comes down and the service worker installs.
  let phone = await openPhone();
  let page = await firstPage(phone);
  await page.goto(network.url);
  await signIn(page, officer);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Ref 19\b/ })).toBeVisible();
  await expect(status(page)).toContainText('All synced');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // No signal: the app reloads from the service worker with the plan in place.
  await noSignal(phone);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(status(page)).toContainText('Offline');

  await logOutcome(page, '19', 'number of training sessions held, number of attendees and location', 'Henley-on-Thames', 'Hotel staff briefing', '3');
  await expect(status(page)).toContainText('Offline · 1 outcome waiting to sync');
  await logOutcome(page, '3', "training delivered for safe place 'champions'", 'Wallingford', 'Champions session at the library');
  await expect(status(page)).toContainText('Offline · 2 outcomes waiting to sync');

  // The phone is put away: the browser closes and opens again, still with no signal.
  await phone.close();
  phone = await openPhone({ offline: true });
  page = await firstPage(phone);
  await page.goto(network.url);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(status(page)).toContainText('Offline · 2 outcomes waiting to sync');
  await page.getByRole('link', { name: /Ref 19\b/ }).click();
  await expect(page.getByTestId('outcome-list')).toContainText('Saved on this phone');
  expect(await outcomesOnServer(server.url, coordinator.email, coordinator.password)).toHaveLength(0);

  // Signal returns: the outcomes sync by themselves.
  await signalBack(phone);
  await expect(status(page)).toContainText('All synced', { timeout: 30_000 });
  await expect(page.getByTestId('outcome-list')).toContainText('Synced');
  await phone.close();
  await network.close();

  const onServer = await outcomesOnServer(server.url, coordinator.email, coordinator.password);
  expect(onServer.map((o) => o.notes).sort()).toEqual(['Champions session at the library', 'Hotel staff briefing']);
  expect(new Set(onServer.map((o) => o.id)).size).toBe(2);

  // The coordinator, in another browser, sees them counted under their measures.
  const desk = await chromium.launch(CHROMIUM_LAUNCH);
  const coordinatorPage = await desk.newPage();
  await coordinatorPage.goto(server.url);
  await signIn(coordinatorPage, coordinator);
  await coordinatorPage.getByRole('link', { name: 'Progress' }).click();
  const sessions = coordinatorPage.getByRole('row', { name: /number of training sessions held, number of attendees/ });
  await expect(sessions.getByTestId('progress-total')).toHaveText('3');
  await expect(sessions).toContainText('Henley-on-Thames 3');
  const champions = coordinatorPage.getByRole('row', { name: /training delivered for safe place 'champions'/ });
  await expect(champions.getByTestId('progress-total')).toHaveText('1');
  await expect(coordinatorPage.getByText('2 outcomes logged across 2 of 28 actions.')).toBeVisible();
  await desk.close();
});
