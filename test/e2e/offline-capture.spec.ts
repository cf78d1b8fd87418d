import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH, DESK } from './support/chromium';
import { expect, firstPage, signIn, signInWithServiceWorker, test } from './support/fixtures';
import { startNetworkSwitch } from './support/network-switch';
import { actionLink, logChampionsTraining, logHotelWatchTraining, openLogForm } from './support/outcome-form';
import { outcomesOnServer } from './support/server-api';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

const { officer, coordinator } = DEMO_USERS;

async function logOutcome(page: Page, ref: string, fill: (page: Page) => Promise<void>) {
  await openLogForm(page, ref);
  await fill(page);
  await page.getByRole('link', { name: 'My actions' }).click();
}

const status = (page: Page) => page.getByTestId('sync-status');

test('an officer logs outcomes with no signal, across a browser restart, and they reach the coordinator exactly once', async ({
  fieldbook: server,
  openPhone,
}) => {
  // The phone reaches the server through a network the test can cut, for pages and the service
  // worker alike (Background Sync wakes the worker even at browser start-up).
  const network = await startNetworkSwitch(server.url);

  // Sign in online: the plan comes down and the service worker installs.
  let phone = await openPhone();
  let page = await firstPage(phone);
  await signInWithServiceWorker(page, network.url, officer);
  await expect(actionLink(page, '19')).toBeVisible();
  await expect(status(page)).toContainText('All synced');

  // No signal: the app reloads from the service worker with the plan in place.
  await network.noSignal(phone);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(status(page)).toContainText('Offline');

  await logOutcome(page, '19', (p) => logHotelWatchTraining(p, { attendees: 3, town: 'Henley-on-Thames', notes: 'Hotel staff briefing' }));
  await expect(status(page)).toContainText('Offline · 1 outcome waiting to sync');
  await logOutcome(page, '3', (p) => logChampionsTraining(p, { attendees: 6, town: 'Wallingford', notes: 'Champions session at the library' }));
  await expect(status(page)).toContainText('Offline · 2 outcomes waiting to sync');

  // The phone is put away: the browser closes and opens again, still with no signal.
  await phone.close();
  phone = await openPhone({ offline: true });
  page = await firstPage(phone);
  await page.goto(network.url);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(status(page)).toContainText('Offline · 2 outcomes waiting to sync');
  await actionLink(page, '19').click();
  await expect(page.getByTestId('outcome-list')).toContainText('Saved on this phone');
  expect(await outcomesOnServer(server.url, coordinator.email, coordinator.password)).toHaveLength(0);

  // Signal returns: the outcomes sync by themselves.
  await network.signalBack(phone);
  await expect(status(page)).toContainText('All synced', { timeout: 30_000 });
  await expect(page.getByTestId('outcome-list')).toContainText('Synced');
  await phone.close();
  await network.close();

  const onServer = await outcomesOnServer(server.url, coordinator.email, coordinator.password);
  expect(onServer.map((o) => o.notes).sort()).toEqual(['Champions session at the library', 'Hotel staff briefing']);
  expect(new Set(onServer.map((o) => o.id)).size).toBe(2);

  // The coordinator, in another browser, sees them counted under their measures.
  const desk = await chromium.launch(CHROMIUM_LAUNCH);
  const coordinatorPage = await desk.newPage(DESK);
  await coordinatorPage.goto(server.url);
  await signIn(coordinatorPage, coordinator);
  await coordinatorPage.getByRole('link', { name: 'Progress' }).click();
  // The demo plan is 2018-19's, still in use: what is logged today is after its period.
  await coordinatorPage.getByRole('link', { name: 'Everything logged, to today' }).click();
  const sessions = coordinatorPage.getByRole('row', { name: /number of training sessions held, number of attendees/ });
  await expect(sessions.getByTestId('progress-total')).toHaveText(/^1 session\s*3 attendees$/);
  await expect(sessions).toContainText('Henley-on-Thames 1');
  const champions = coordinatorPage.getByRole('row', { name: /training delivered for safe place 'champions'/ });
  await expect(champions.getByTestId('progress-total')).toHaveText(/^1 session\s*6 attendees$/);
  await expect(champions).toContainText('Wallingford 1');
  await expect(coordinatorPage.getByText('2 outcomes logged across 2 of 28 actions.')).toBeVisible();
  await desk.close();
});
