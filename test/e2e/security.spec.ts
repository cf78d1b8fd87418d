import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH, DESK } from './support/chromium';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { actionLink, logHotelWatchTraining, openLogForm } from './support/outcome-form';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

const { officer, coordinator } = DEMO_USERS;
const HOSTILE_NOTE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> =SUM(A1)';

test('a note holding HTML and script shows as plain text on another user’s screen', async ({ fieldbook, openPhone }) => {
  const phone = await firstPage(await openPhone());
  await phone.goto(fieldbook.url);
  await signIn(phone, officer);
  await openLogForm(phone, '19');
  await logHotelWatchTraining(phone, { attendees: 1, town: 'Thame', notes: HOSTILE_NOTE });
  await expect(phone.getByTestId('sync-status')).toContainText('All synced', { timeout: 30_000 });

  const desk = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await desk.newPage(DESK);
  await page.goto(fieldbook.url);
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('link', { name: 'Ref 19' }).click();
  await expect(page.getByTestId('outcome-list')).toContainText(HOSTILE_NOTE);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('[data-testid="outcome-list"] img, [data-testid="outcome-list"] script').count()).toBe(0);
  await desk.close();
});

test('after sign-out nothing of the user remains: IndexedDB, Cache Storage, localStorage', async ({ fieldbook, openPhone }) => {
  const page = await firstPage(await openPhone());
  await page.goto(fieldbook.url);
  await signIn(page, officer);
  await expect(page.getByTestId('sync-status')).toContainText('All synced');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const before = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(before.some((n) => n?.startsWith('fieldbook-user-'))).toBe(true);

  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Fieldbook' })).toBeVisible();

  const after = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    localStorage: Object.keys(localStorage),
    cached: (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)))).flat(),
  }));
  expect(after.databases.filter((n) => n?.startsWith('fieldbook'))).toEqual([]);
  expect(after.localStorage).toEqual([]);
  // The service worker's cache holds the app shell only, never an API answer.
  expect(after.cached.length).toBeGreaterThan(0);
  expect(after.cached.filter((p) => p.startsWith('/api/'))).toEqual([]);
  expect((await page.request.get(`${fieldbook.url}/api/session`)).status()).toBe(401);
});

test('the idle lock covers the app, unlocks offline with the password, and keeps a half-written outcome', async ({ fieldbook, openPhone }) => {
  const context = await openPhone();
  const page = await firstPage(context);
  await page.goto(fieldbook.url);
  await signIn(page, officer);
  await actionLink(page, '3').click();
  await page.getByRole('link', { name: 'Log an outcome' }).click();
  await page.getByLabel('Notes (optional)').fill('Half written when the phone went in a pocket');
  await context.setOffline(true);

  // Twenty minutes pass untouched (the lock reads the last activity time), and the officer comes back.
  await page.evaluate(() => {
    localStorage.setItem('fieldbook.lastActiveAt', String(Date.now() - 20 * 60_000));
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const lock = page.getByRole('dialog', { name: 'Fieldbook is locked' });
  await expect(lock).toBeVisible();
  expect(await page.locator('main').evaluate((m) => m.closest('[inert]') !== null)).toBe(true);

  await lock.getByLabel(/Password for/).fill('not my password');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toContainText('That password is not right');
  await lock.getByLabel(/Password for/).fill(officer.password);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByLabel('Notes (optional)')).toHaveValue('Half written when the phone went in a pocket');
});
