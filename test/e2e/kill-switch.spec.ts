import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, firstPage, signInWithServiceWorker, test } from './support/fixtures';
import { openLogForm, outcomeForm, logHotelWatchTraining } from './support/outcome-form';
import { writeKillSwitch } from '../../scripts/kill-switch';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

test('the kill switch removes a bad release from the phone (caches, service worker) and keeps every record in IndexedDB', async ({
  fieldbook: server,
  openPhone,
}) => {
  const page = await firstPage(await openPhone());
  await signInWithServiceWorker(page, server.url, DEMO_USERS.officer);

  // An outcome saved and another half-typed: what an officer has on the phone when things go wrong.
  await openLogForm(page, '19');
  await logHotelWatchTraining(page, { attendees: 9, town: 'Didcot', notes: 'Saved before the kill switch' });
  await page.getByRole('link', { name: 'Log an outcome' }).click();
  await outcomeForm(page).chooseType('Training session');
  await outcomeForm(page).notes('Typed before the kill switch');
  const before = await page.evaluate(async () => ({ caches: (await caches.keys()).length, databases: (await indexedDB.databases()).map((d) => d.name) }));
  expect(before.caches).toBeGreaterThan(0);
  expect(before.databases.some((n) => n?.startsWith('fieldbook-user-'))).toBe(true);

  // The operator deploys the kill switch over the bad release's sw.js (keeping the good one aside).
  const kept = mkdtempSync(join(tmpdir(), 'fieldbook-good-sw-'));
  copyFileSync(join(server.staticDir, 'sw.js'), join(kept, 'sw.js'));
  try {
    writeKillSwitch(server.staticDir);
    // The phone's next update check finds it; the page the release controlled is reloaded once.
    await Promise.all([page.waitForEvent('load'), page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())]);

    await expect
      .poll(() =>
        page.evaluate(async () => ({
          registrations: (await navigator.serviceWorker.getRegistrations()).length,
          caches: (await caches.keys()).length,
          controlled: navigator.serviceWorker.controller !== null,
        })),
      )
      .toEqual({ registrations: 0, caches: 0, controlled: false });
    // No reload loop: the page it left stays put.
    await page.evaluate(() => ((window as unknown as { loadMarker: string }).loadMarker = 'after the kill switch'));

    // IndexedDB untouched: the app, now straight from the server, still has the outcome and the
    // draft. (Chromium reloads a page at the address it was opened at, here the start page.)
    expect((await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).sort()).toEqual([...before.databases].sort());
    await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
    await openLogForm(page, '19');
    await expect(page.getByTestId('draft-restored')).toBeVisible();
    await expect(page.getByLabel('Notes (optional)')).toHaveValue('Typed before the kill switch');
    await page.goBack();
    await expect(page.getByText('Saved before the kill switch')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { loadMarker?: string }).loadMarker)).toBe('after the kill switch');

    // A good release deployed again installs as usual and controls the page after a reload.
    copyFileSync(join(kept, 'sw.js'), join(server.staticDir, 'sw.js'));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
  } finally {
    rmSync(kept, { recursive: true, force: true });
  }
});
