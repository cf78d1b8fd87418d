import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

test('a new deployment waits for the officer: "Update available", never a reload by itself', async ({ fieldbook: server, openPhone }) => {
  const page = await firstPage(await openPhone());
  await page.goto(server.url);
  await signIn(page, DEMO_USERS.officer);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Something only this page load holds: it disappears if the page reloads.
  await page.evaluate(() => ((window as unknown as { loadMarker: string }).loadMarker = 'first load'));
  await expect(page.getByText('Update available.')).toHaveCount(0);

  // A new deployment: the service worker script changes byte for byte.
  appendFileSync(join(server.staticDir, 'sw.js'), '\n// deployment 2\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

  await expect(page.getByText('Update available.')).toBeVisible();
  const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting?.state);
  expect(waiting).toBe('installed');
  expect(await page.evaluate(() => (window as unknown as { loadMarker?: string }).loadMarker)).toBe('first load');

  // The officer accepts: the new version takes over and the page reloads into it.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { loadMarker?: string }).loadMarker)).toBeUndefined();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
  await expect(page.getByText('Update available.')).toHaveCount(0);
});
