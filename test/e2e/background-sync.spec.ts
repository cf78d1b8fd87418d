import { expect, firstPage, signIn, test } from './support/fixtures';
import { logHotelWatchTraining, openLogForm } from './support/outcome-form';
import { outcomesOnServer } from './support/server-api';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

const { officer, coordinator } = DEMO_USERS;

test('with the app closed, Background Sync sends what was logged offline once signal returns', async ({ fieldbook, openPhone }) => {
  const context = await openPhone();
  const page = await firstPage(context);
  await page.goto(fieldbook.url);
  await signIn(page, officer);
  await expect(page.getByTestId('sync-status')).toContainText('All synced');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const userId = await page.evaluate(() => (JSON.parse(localStorage.getItem('fieldbook.user.v1')!) as { id: string }).id);

  await context.setOffline(true);
  await openLogForm(page, '19');
  await logHotelWatchTraining(page, { attendees: 4, town: 'Wantage', notes: 'sent by the service worker' });
  // The page asked for a background sync while offline.
  expect(
    await page.evaluate(async () => await ((await navigator.serviceWorker.ready) as unknown as { sync: { getTags(): Promise<string[]> } }).sync.getTags()),
  ).toContain(`fieldbook-outbox:${userId}`);

  // The officer closes Fieldbook; a blank page (another origin) keeps the browser running.
  await context.newPage();
  await page.close();
  expect(await outcomesOnServer(fieldbook.url, coordinator.email, coordinator.password)).toEqual([]);

  // Signal returns: the browser itself wakes the service worker for the registered tag, and it
  // pushes the outbox with no page of Fieldbook's open.
  await context.setOffline(false);
  await expect
    .poll(async () => (await outcomesOnServer(fieldbook.url, coordinator.email, coordinator.password)).map((o) => o.notes), { timeout: 30_000 })
    .toEqual(['sent by the service worker']);

  // Opened again, the phone already knows it went.
  const reopened = await context.newPage();
  await reopened.goto(`${fieldbook.url}/`);
  await expect(reopened.getByTestId('sync-status')).toContainText('All synced');
});
