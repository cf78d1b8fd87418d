import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_LAUNCH, PHONE } from './support/chromium';
import { startFieldbook, type RunningFieldbook } from './support/fieldbook-server';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

let server: RunningFieldbook;
let profile: string;
test.beforeAll(async () => {
  server = await startFieldbook();
  profile = mkdtempSync(join(tmpdir(), 'fieldbook-update-'));
});
test.afterAll(async () => {
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
});

test('a new deployment waits for the officer: "Update available", never a reload by itself', async () => {
  const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM_LAUNCH, ...PHONE });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.getByLabel('Email address').fill(DEMO_USERS.officer.email);
  await page.getByLabel('Password').fill(DEMO_USERS.officer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
  await context.close();
});
