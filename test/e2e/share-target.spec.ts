import type { Page } from '@playwright/test';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { logHotelWatchTraining, openLogForm } from './support/outcome-form';
import { photoFile } from './support/photo-file';
import { SHARE_PROBLEMS, SHARE_TARGET } from '../../src/domain/share-target';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

type Upload = { name: string; mimeType: string; buffer: Buffer };

/**
 * What the phone's share sheet does: POST the shared files as multipart form data to the manifest's
 * share_target action, as a navigation of the app's window.
 */
async function shareFrom(page: Page, files: Upload[]): Promise<void> {
  await page.evaluate(
    ({ action, field }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.enctype = 'multipart/form-data';
      form.action = action;
      const input = document.createElement('input');
      input.type = 'file';
      input.name = field;
      input.multiple = true;
      input.id = 'shared-files';
      form.append(input);
      document.body.append(form);
    },
    { action: SHARE_TARGET.action, field: SHARE_TARGET.params.files[0].name },
  );
  await page.locator('#shared-files').setInputFiles(files);
  await Promise.all([page.waitForURL(/\/share(\?|$)/), page.evaluate(() => document.querySelector<HTMLFormElement>('form[action="/share-target"]')!.submit())]);
}

test('a photo shared to Fieldbook from another app is kept and attached to the outcome the officer picks', async ({ fieldbook: server, openPhone }) => {
  const page = await firstPage(await openPhone());
  await page.goto(server.url);
  await signIn(page, DEMO_USERS.officer);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // The installed app offers itself in the share sheet with exactly the contract the worker reads.
  const manifest = (await (await page.request.get(`${server.url}/manifest.webmanifest`)).json()) as { share_target: unknown };
  expect(manifest.share_target).toEqual(SHARE_TARGET);

  await openLogForm(page, '19');
  await logHotelWatchTraining(page, { attendees: 11, town: 'Didcot', notes: 'Poster photo to follow' });

  // From the gallery: a photo and, by mistake, a text file. The photo is kept; the rest is named as left out.
  await shareFrom(page, [await photoFile(page, 3000, 2000), { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') }]);
  await expect(page.getByRole('heading', { name: 'Add shared photos to an outcome' })).toBeVisible();
  await expect(page.getByTestId('share-problem')).toHaveText(SHARE_PROBLEMS['some-left-out']);
  await expect(page.getByRole('list', { name: 'Shared photos' }).getByRole('img')).toHaveCount(1);

  // Adding without choosing says what is missing.
  await page.getByRole('button', { name: 'Add the photo' }).click();
  await expect(page.getByText('Choose the outcome the photos are evidence for').first()).toBeVisible();

  await page
    .getByRole('group', { name: 'Which outcome are they evidence for?' })
    .getByRole('radio', { name: /^Ref 19 · Training session/ })
    .check();
  await page.getByRole('button', { name: 'Add the photo' }).click();
  await expect(page.getByRole('heading', { name: 'Ref 19', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '1 photo added to the outcome.' })).toBeVisible();
  const outcome = page.getByTestId('outcome-list').getByRole('listitem').filter({ hasText: 'Poster photo to follow' });
  await expect(outcome.getByRole('list', { name: 'Photos' }).getByRole('listitem')).toHaveCount(1);
  // Uploaded after its outcome, like a photo picked on the form.
  await expect(outcome.getByText('Uploaded')).toBeVisible({ timeout: 30_000 });

  // Nothing is left waiting.
  await page.goto(`${server.url}/share`);
  await expect(page.getByText('No shared photos are waiting.')).toBeVisible();

  // A share with no photo at all says so.
  await shareFrom(page, [{ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('meeting minutes') }]);
  await expect(page.getByTestId('share-problem')).toHaveText(SHARE_PROBLEMS['no-photo']);
  await expect(page.getByText('No shared photos are waiting.')).toBeVisible();
});
