import { rmSync } from 'node:fs';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { openLogForm, outcomeForm } from './support/outcome-form';
import { buildNextVersion, deployBuild } from './support/next-version';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

/*
 * A page still running the old release asks for a screen the new release no longer has (another
 * tab accepted the update, so the new service worker dropped the old files, and the server has
 * only the new ones). No ChunkLoadError white screen: the page reloads into the new version once,
 * and the officer's draft is still there.
 */
test('a screen removed by a deployment reloads the page into the new version, draft kept', async ({ fieldbook: server, openPhone }) => {
  const next = await buildNextVersion();
  try {
    const phone = await openPhone();
    const page = await firstPage(phone);
    await page.goto(server.url);
    await signIn(page, DEMO_USERS.officer);
    await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // Part-way through a form on the old release (the Plan screen not opened yet).
    await openLogForm(page, '19');
    await outcomeForm(page).chooseType('Training session');
    await outcomeForm(page).notes('Typed on the old release');
    const oldEntry = await page.locator('script[type="module"]').first().getAttribute('src');
    expect(oldEntry).not.toContain('-next-');

    // The new release is deployed; in another tab the officer accepts it.
    deployBuild(next, server.staticDir);
    const other = await phone.newPage();
    await other.goto(server.url);
    await expect(other.getByRole('heading', { name: 'My actions' })).toBeVisible();
    await other.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await Promise.all([other.waitForEvent('load'), other.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect(other.locator('script[type="module"]').first()).toHaveAttribute('src', /-next-/);
    await other.close();

    // Back in the first tab, still the old release. The Plan screen's file is gone from the
    // server and the precache; the browser's HTTP cache still holds it from the old precaching,
    // as it may or may not on a phone (small, evicted at will): emptied, it is gone everywhere.
    expect(await page.locator('script[type="module"]').first().getAttribute('src')).toBe(oldEntry);
    await (await phone.newCDPSession(page)).send('Network.clearBrowserCache');
    await Promise.all([page.waitForEvent('load'), page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click()]);
    await expect(page.getByRole('heading', { level: 1, name: 'Rolling annual plan 2018-19' })).toBeVisible();
    await expect(page.locator('script[type="module"]').first()).toHaveAttribute('src', /-next-/);
    await expect(page.getByTestId('screen-error')).toHaveCount(0);

    // The draft typed on the old release is there on the new one.
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Log an outcome' })).toBeVisible();
    await expect(page.getByTestId('draft-restored')).toBeVisible();
    await expect(page.getByLabel('Notes (optional)')).toHaveValue('Typed on the old release');
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
});
