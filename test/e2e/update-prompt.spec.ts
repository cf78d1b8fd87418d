import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, firstPage, signInWithServiceWorker, test } from './support/fixtures';
import { openLogForm, outcomeForm } from './support/outcome-form';
import { photoFile } from './support/photo-file';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

/** Something only this page load holds: it disappears if the page reloads. */
const markLoad = (page: Page) => page.evaluate(() => ((window as unknown as { loadMarker: string }).loadMarker = 'first load'));
const loadMarker = (page: Page) => page.evaluate(() => (window as unknown as { loadMarker?: string }).loadMarker);

/** A new deployment: the service worker script changes byte for byte, and the page looks for it. */
async function deploy(page: Page, staticDir: string, label: string): Promise<void> {
  appendFileSync(join(staticDir, 'sw.js'), `\n// ${label}\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
}

/** The state of the new version's service worker waiting to take over, if one waits. */
const waitingWorkerState = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting?.state);

/** Said, but not offered: something exists only on screen, and a reload would lose it. The new version waits. */
async function expectUpdateHeldBack(page: Page): Promise<void> {
  const banner = page.getByTestId('update-ready');
  await expect(banner).toContainText('Update ready. It can be applied once what you are entering is saved');
  await expect(banner.getByRole('button')).toHaveCount(0);
  expect(await waitingWorkerState(page)).toBe('installed');
}

/** The officer accepts the update: the new version takes over and the page reloads into it. */
const reloadToUpdate = (page: Page) =>
  Promise.all([page.waitForEvent('load'), page.getByTestId('update-ready').getByRole('button', { name: 'Reload to update' }).click()]);

/** The new version has taken over: nothing waits, and nothing says an update is ready. */
async function expectUpdateTaken(page: Page): Promise<void> {
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
  await expect(page.getByTestId('update-ready')).toHaveCount(0);
}

test('a new deployment waits for the officer: "Update ready", never a reload by itself', async ({ fieldbook: server, openPhone }) => {
  const page = await firstPage(await openPhone());
  await signInWithServiceWorker(page, server.url, DEMO_USERS.officer);
  await markLoad(page);
  await expect(page.getByTestId('update-ready')).toHaveCount(0);

  await deploy(page, server.staticDir, 'deployment 2');

  await expect(page.getByTestId('update-ready')).toContainText('Update ready.');
  expect(await waitingWorkerState(page)).toBe('installed');
  expect(await loadMarker(page)).toBe('first load');

  // The officer accepts: the new version takes over and the page reloads into it.
  await reloadToUpdate(page);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  expect(await loadMarker(page)).toBeUndefined();
  await expectUpdateTaken(page);
});

test('an update deployed while a form is half-filled waits until accepted, and never while photos are only on screen; the draft survives it', async ({
  fieldbook: server,
  openPhone,
}) => {
  const page = await firstPage(await openPhone());
  await signInWithServiceWorker(page, server.url, DEMO_USERS.officer);

  // Half-way through a Hotel Watch training session, with a photo picked.
  await openLogForm(page, '19');
  const form = outcomeForm(page);
  await form.chooseType('Training session');
  await form.select('Who was it for?', 'Hotels and B&Bs');
  await form.count('Number of attendees', 14);
  await form.notes('Half-way through: the update must not take this');
  await page.getByLabel('Photos (optional)').setInputFiles(await photoFile(page));
  await expect(page.getByRole('button', { name: 'Remove photo 1' })).toBeVisible();
  await markLoad(page);

  await deploy(page, server.staticDir, 'deployment 2');

  // Said, but not offered: the photo exists only on screen, and a reload would lose it.
  const banner = page.getByTestId('update-ready');
  await expectUpdateHeldBack(page);

  // The typed answers are in the draft already; only the photo held the update back.
  await page.getByRole('button', { name: 'Remove photo 1' }).click();
  await expect(banner.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  expect(await loadMarker(page)).toBe('first load');
  expect(await waitingWorkerState(page)).toBe('installed');

  await reloadToUpdate(page);
  expect(await loadMarker(page)).toBeUndefined();
  await expect(page.getByRole('heading', { name: 'Log an outcome' })).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toContainText('Everything you entered is here.');
  await expect(page.getByRole('textbox', { name: 'Number of attendees', exact: true })).toHaveValue('14');
  await expect(page.getByLabel('Notes (optional)')).toHaveValue('Half-way through: the update must not take this');
  await expect(page.getByRole('combobox', { name: 'Who was it for?' })).toHaveValue(/.+/);
  await expectUpdateTaken(page);
});

test('an update deployed while a new place is being added waits until the place is saved (the form keeps no draft)', async ({
  fieldbook: server,
  openPhone,
}) => {
  const page = await firstPage(await openPhone());
  await signInWithServiceWorker(page, server.url, DEMO_USERS.officer);

  // Half-way through adding a Safe Place.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Places' }).click();
  await page.getByRole('link', { name: 'Add a place' }).click();
  await expect(page.getByRole('heading', { name: 'Add a place' })).toBeVisible();
  await page.getByLabel('Name of the place').fill('Abingdon Library');
  await page.getByLabel('Abingdon', { exact: true }).check();
  await markLoad(page);

  await deploy(page, server.staticDir, 'deployment 2');

  // Said, but not offered: the place exists only on screen, and a reload would lose it.
  const banner = page.getByTestId('update-ready');
  await expectUpdateHeldBack(page);

  // Saved on the phone: nothing is only on screen any more, and the update is offered.
  await page.getByRole('button', { name: 'Save place' }).click();
  await expect(page.getByTestId('place-list')).toContainText('Abingdon Library');
  await expect(banner.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  expect(await loadMarker(page)).toBe('first load');

  await reloadToUpdate(page);
  expect(await loadMarker(page)).toBeUndefined();
  await expect(page.getByTestId('place-list')).toContainText('Abingdon Library');
  await expectUpdateTaken(page);
});

test('an update deployed while the phone refuses to keep the form’s draft waits until a draft is kept; the draft then survives it', async ({
  fieldbook: server,
  openPhone,
}) => {
  const page = await firstPage(await openPhone());
  await signInWithServiceWorker(page, server.url, DEMO_USERS.officer);

  // The phone's storage is full: every write of a draft is refused, as IndexedDB refuses one.
  await openLogForm(page, '19');
  await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with the store as `this`.
    const put = IDBObjectStore.prototype.put;
    const phone = window as unknown as { storageFull: boolean };
    phone.storageFull = true;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'drafts' && phone.storageFull) throw new DOMException('The phone is out of space.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const form = outcomeForm(page);
  await form.chooseType('Training session');
  await form.select('Who was it for?', 'Hotels and B&Bs');
  await form.count('Number of attendees', 14);
  await expect(page.getByRole('alert').filter({ hasText: 'This phone could not keep a draft of the form.' })).toBeVisible();
  await markLoad(page);

  await deploy(page, server.staticDir, 'deployment 2');

  // Said, but not offered: what was typed exists only on screen.
  const banner = page.getByTestId('update-ready');
  await expectUpdateHeldBack(page);

  // Space again: the next change is kept as a draft, and the update is offered.
  await page.evaluate(() => ((window as unknown as { storageFull: boolean }).storageFull = false));
  await form.notes('Typed once the phone had space again');
  await expect(banner.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  await expect(page.getByText('This phone could not keep a draft of the form.')).toHaveCount(0);
  expect(await loadMarker(page)).toBe('first load');

  await reloadToUpdate(page);
  expect(await loadMarker(page)).toBeUndefined();
  await expect(page.getByRole('heading', { name: 'Log an outcome' })).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toContainText('Everything you entered is here.');
  await expect(page.getByRole('textbox', { name: 'Number of attendees', exact: true })).toHaveValue('14');
  await expect(page.getByLabel('Notes (optional)')).toHaveValue('Typed once the phone had space again');
  await expectUpdateTaken(page);
});
