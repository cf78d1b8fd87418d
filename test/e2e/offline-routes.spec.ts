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

/**
 * Counts, in every page of the phone, each time "Ready to work offline" is put on screen. A check
 * made once the page has settled then sees the notice even if it came and went; a check of the
 * screen alone, made as soon as a heading shows, would pass before the notice could appear.
 */
async function countOfflineReady(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const page = window as unknown as { offlineReadySaid: number };
    page.offlineReadySaid = 0;
    const isNotice = (n: Node) =>
      n instanceof Element && (n.matches('[data-testid="offline-ready"]') || n.querySelector('[data-testid="offline-ready"]') !== null);
    new MutationObserver((changes) => {
      for (const change of changes) page.offlineReadySaid += [...change.addedNodes].filter(isNotice).length;
    }).observe(document, { childList: true, subtree: true });
  });
}
const timesSaid = (page: Page) => page.evaluate(() => (window as unknown as { offlineReadySaid: number }).offlineReadySaid);

/**
 * Waits until the notice would have been said, were it due: its module (loaded apart from the
 * first screen) is in and the service worker is ready (the shell is on the phone); then a second
 * for the notice's read of the phone's database and its render, which take milliseconds. A check
 * that something did not happen needs a bound; this one starts from what the notice waits for.
 */
async function untilNoticeWouldShow(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/OfflineReadyNotice-[\w-]+\.js$/.test(e.name))))
    .toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForTimeout(1000);
}

test('every route opens offline from a cold start, deep links and shortcut targets included; "Ready to work offline" is said once', async ({
  fieldbook: server,
  openPhone,
}) => {
  // A browser start per route: slower than one test's usual budget.
  test.setTimeout(300_000);
  // A real cut, for pages and the service worker alike.
  const network = await startNetworkSwitch(server.url);
  let phone = await openPhone();
  await countOfflineReady(phone);
  const page = await firstPage(phone);
  await page.goto(network.url);
  await signIn(page, DEMO_USERS.officer);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();

  // Said when the shell and the plan are both on the phone: the sign that it is safe to go.
  const ready = page.getByTestId('offline-ready');
  await expect(ready).toContainText('Ready to work offline.');
  expect(await timesSaid(page)).toBe(1);
  await openLogForm(page, '19');
  await logHotelWatchTraining(page, { attendees: 4, town: 'Didcot', notes: 'Logged before the routes check' });
  const ids = await page.evaluate(() => {
    const link = document.querySelector<HTMLAnchorElement>('a[href^="/outcomes/"][href$="/edit"]');
    return { action: location.pathname.split('/')[2]!, outcome: link?.getAttribute('href')?.split('/')[2] ?? '' };
  });
  expect(ids.outcome).toMatch(/^[0-9a-f-]{36}$/);
  await ready.getByRole('button', { name: 'OK' }).click();
  await expect(ready).toHaveCount(0);
  // Not said again after a reload, once it would have been.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Ref 19' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('All synced');
  await untilNoticeWouldShow(page);
  expect(await timesSaid(page)).toBe(0);

  // No signal, and the browser closed: each route is opened cold, as a deep link or a shortcut.
  network.cut();
  await phone.close();
  for (const [path, heading] of ROUTES) {
    phone = await openPhone({ offline: true });
    await countOfflineReady(phone);
    const url = network.url + path.replace('{action}', ids.action).replace('{outcome}', ids.outcome);
    const opened = await openCold(phone, url);
    await expect(opened.getByRole('heading', { level: 1, name: heading, exact: true }), path).toBeVisible();
    await expect(opened.getByTestId('screen-error'), path).toHaveCount(0);
    await expect(opened.getByTestId('sync-status'), path).toContainText('Offline');
    await untilNoticeWouldShow(opened);
    expect(await timesSaid(opened), path).toBe(0);
    await phone.close();
  }
  await network.close();
});

/** A coordinator's routes (their workspace works offline from the device's copy; team and audit say they need signal). */
const COORDINATOR_ROUTES = [
  '/',
  '/progress',
  '/progress/outcomes',
  '/reports',
  '/plans',
  '/plans/{plan}',
  '/plans/{plan}/import',
  '/plans/{plan}/review/2018-04-01',
  '/plans/{plan}/reports/quarter/2018-04-01',
  '/plans/{plan}/reports/outcomes',
  '/plans/{plan}/reports/pcc',
  '/plans/{plan}/reports/pcc/mid',
  '/plans/{plan}/actions/{action}',
  '/plans/{plan}/actions/{action}/measures/new',
  '/plans/{plan}/measures/{measure}',
  '/partnerships/{partnership}/team',
  '/partnerships/{partnership}/audit',
];

test('every coordinator route opens offline from a cold start', async ({ fieldbook: server, openPhone }) => {
  test.setTimeout(300_000);
  const network = await startNetworkSwitch(server.url);
  let phone = await openPhone();
  const page = await firstPage(phone);
  await page.goto(network.url);
  await signIn(page, DEMO_USERS.coordinator);
  await expect(page.getByTestId('offline-ready')).toBeVisible();
  // The ids the routes need, from the device's own copy of the plan.
  const ids = await page.evaluate(async () => {
    const user = JSON.parse(localStorage.getItem('fieldbook.user.v1')!) as { id: string; memberships: { partnershipId: string }[] };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`fieldbook-user-${user.id}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const first = (store: string) =>
      new Promise<{ id: string }>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).openCursor();
        req.onsuccess = () => resolve(req.result!.value as { id: string });
        req.onerror = () => reject(new Error(String(req.error)));
      });
    const [plan, measure] = [await first('plans'), (await first('measures')) as { id: string; actionId: string }];
    db.close();
    return { plan: plan.id, action: measure.actionId, measure: measure.id, partnership: user.memberships[0]!.partnershipId };
  });

  network.cut();
  await phone.close();
  for (const path of COORDINATOR_ROUTES) {
    phone = await openPhone({ offline: true });
    const opened = await phone.newPage();
    await opened.setViewportSize({ width: 1280, height: 800 });
    await opened.goto(network.url + path.replace(/\{(\w+)\}/g, (_, k: keyof typeof ids) => ids[k]));
    await expect(opened.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
    await expect(opened.getByRole('heading', { level: 1, name: /not found|could not be shown|not on the phone/i }), path).toHaveCount(0);
    await expect(opened.getByTestId('screen-error'), path).toHaveCount(0);
    // Fieldbook's own shell, not the browser's offline page.
    await expect(opened.getByTestId('sync-status'), path).toContainText('Offline');
    await phone.close();
  }
  await network.close();
});
