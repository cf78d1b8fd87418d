import type { BrowserContext, Page } from '@playwright/test';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { startNetworkSwitch } from './support/network-switch';
import { logHotelWatchTraining, openLogForm } from './support/outcome-form';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

/** An officer's routes, each with the heading it must show. `{action}` and `{outcome}` are filled from the phone's data. */
const ROUTES: [path: string, heading: string][] = [
  ['/', 'My actions'], // the "My actions" shortcut
  ['/log', 'Log an outcome'], // the "Log outcome" shortcut
  ['/my-actions', 'My actions'],
  ['/plan', 'Rolling annual plan 2018-19'],
  ['/search?q=hotel', 'Search the plan'],
  ['/actions/{action}', 'Ref 19'],
  ['/actions/{action}/log', 'Log an outcome'],
  ['/outcomes/{outcome}/edit', 'Change this outcome'],
  ['/attention', 'Needs attention'],
  ['/places', 'Places'],
  ['/places/new?kind=safe-place', 'Add a place'],
  ['/account', 'Account'],
  ['/account/password', 'Change your password'],
  ['/share', 'Add shared photos to an outcome'],
  ['/no-such-screen', 'Page not found'],
];

async function openCold(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('every route opens offline from a cold start, deep links and shortcut targets included; "Ready to work offline" is said once', async ({ fieldbook: server, openPhone }) => {
  // A browser start per route: slower than one test's usual budget.
  test.setTimeout(300_000);
  // A real cut, for pages and the service worker alike.
  const network = await startNetworkSwitch(server.url);
  let phone = await openPhone();
  const page = await firstPage(phone);
  await page.goto(network.url);
  await signIn(page, DEMO_USERS.officer);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();

  // Said when the shell and the plan are both on the phone: the sign that it is safe to go.
  const ready = page.getByTestId('offline-ready');
  await expect(ready).toContainText('Ready to work offline.');
  await openLogForm(page, '19');
  await logHotelWatchTraining(page, { attendees: 4, town: 'Didcot', notes: 'Logged before the routes check' });
  const ids = await page.evaluate(() => {
    const link = document.querySelector<HTMLAnchorElement>('a[href^="/outcomes/"][href$="/edit"]');
    return { action: location.pathname.split('/')[2]!, outcome: link?.getAttribute('href')?.split('/')[2] ?? '' };
  });
  expect(ids.outcome).toMatch(/^[0-9a-f-]{36}$/);
  await ready.getByRole('button', { name: 'OK' }).click();
  await expect(ready).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Ref 19' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('All synced');
  await expect(page.getByTestId('offline-ready')).toHaveCount(0);

  // No signal, and the browser closed: each route is opened cold, as a deep link or a shortcut.
  network.cut();
  await phone.close();
  for (const [path, heading] of ROUTES) {
    phone = await openPhone({ offline: true });
    const url = network.url + path.replace('{action}', ids.action).replace('{outcome}', ids.outcome);
    const opened = await openCold(phone, url);
    await expect(opened.getByRole('heading', { level: 1, name: heading, exact: true }), path).toBeVisible();
    await expect(opened.getByTestId('screen-error'), path).toHaveCount(0);
    await expect(opened.getByTestId('sync-status'), path).toContainText('Offline');
    await expect(opened.getByTestId('offline-ready'), path).toHaveCount(0);
    await phone.close();
  }
  await network.close();
});
