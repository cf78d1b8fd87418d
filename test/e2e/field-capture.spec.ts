import type { Page } from '@playwright/test';
import { expect, firstPage, signInWithServiceWorker, test } from './support/fixtures';
import { startNetworkSwitch } from './support/network-switch';
import { keptDraft, openAction, openLogForm, outcomeForm } from './support/outcome-form';
import { photoFile } from './support/photo-file';
import { talliesOnServer } from './support/server-api';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

/**
 * The issue's proof: with no signal, an officer logs one of every kind of outcome their actions
 * count, each through its own questions, loses nothing when the app is killed part-way through a
 * form, and once signal returns the server's tallies add it all up by the measures' rules.
 * (Accessibility is checked elsewhere; this is about capture and counting.)
 */
const { officer } = DEMO_USERS;
const status = (page: Page) => page.getByTestId('sync-status');

/** The ids in the address bar: /actions/<actionId>/log. */
const actionIdOf = (page: Page) => /\/actions\/([^/]+)\/log/.exec(page.url())![1]!;

/** Any action, owned or not, through Search: the whole plan is on the phone. */
async function openLogFormBySearch(page: Page, ref: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Ref or words').fill(ref);
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toBeVisible();
  await openLogForm(page, ref);
}

async function home(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My actions' }).click();
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
}

test('offline, an officer logs every kind of outcome their actions count, survives a killed app mid-form, and the server tallies it all', async ({
  fieldbook,
  openPhone,
}) => {
  // The phone reaches the server through a network the test can cut, for pages and the service
  // worker alike (see offline-capture.spec.ts).
  const network = await startNetworkSwitch(fieldbook.url);

  // Signed in once with signal: the plan comes down and the service worker installs.
  let phone = await openPhone();
  let page = await firstPage(phone);
  await signInWithServiceWorker(page, network.url, officer);
  await expect(status(page)).toContainText('All synced');

  // From here on, no signal.
  await network.noSignal(phone);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(status(page)).toContainText('Offline');
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  let form = outcomeForm(page);

  // Ref 3, Safe Places: places joining the scheme in two towns. The scheme is the only one this
  // action counts, so it is shown, not asked.
  for (const [town, venue] of [
    ['Wallingford', 'Library'],
    ['Wantage', 'Pharmacy'],
  ] as const) {
    await openLogForm(page, '3');
    await form.chooseType('Place joined a scheme');
    await expect(form.fixedAnswer('Which scheme?', 'Safe Place')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Which scheme?' })).toHaveCount(0);
    await form.select('Type of venue', venue);
    await form.town(town);
    await form.save();
    await home(page);
  }
  // A third place, in Wallingford again the same day: the duplicate guard asks; the officer first
  // backs off, then confirms it is another place.
  await openLogForm(page, '3');
  await form.chooseType('Place joined a scheme');
  await form.select('Type of venue', 'Café or food');
  await form.town('Wallingford');
  await form.notes('Second venue on the high street');
  await page.getByRole('button', { name: 'Save outcome' }).click();
  const duplicate = page.getByTestId('duplicate-warning');
  await expect(duplicate).toContainText('You already logged place joined a scheme in Wallingford on this day.');
  await duplicate.getByRole('button', { name: 'Don’t save' }).click();
  await expect(duplicate).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Log an outcome' })).toBeVisible();
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await duplicate.getByRole('button', { name: 'Save another' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Outcome saved on this phone.' })).toBeVisible();
  // Counted on the phone already, marked as waiting.
  await expect(page.getByTestId('measure-0').getByTestId('measure-tally')).toHaveText(/^2 towns\s*3 waiting to sync$/);
  await expect(page.getByTestId('measure-1').getByTestId('measure-tally')).toHaveText(/^3 places signed up\s*3 waiting to sync$/);
  await expect(page.getByTestId('measure-1').getByRole('list', { name: 'By area' })).toHaveText(/Wallingford: 2\s*Wantage: 1/);
  await home(page);

  // Ref 3: a follow-up visit to a Safe Place.
  await openLogForm(page, '3');
  await form.chooseType('Safe Place follow-up visit');
  await form.radio('Is the sticker on display?', 'Yes');
  await form.radio('Trained staff on site', 'Two or more');
  await form.count('Times used since the last visit (optional)', 3);
  await form.radio('Outcome of the visit', 'All in order');
  // The venue is not in the Safe Places register yet: the officer adds it on the spot, offline,
  // and comes back to the form with every answer kept and the new place chosen.
  await page.getByRole('link', { name: 'Add a place to the register' }).click();
  await expect(page.getByRole('heading', { name: 'Add a place' })).toBeVisible();
  await page.getByLabel('Name of the place').fill('Abingdon Library');
  await page.getByLabel('Abingdon', { exact: true }).check();
  await page.getByRole('button', { name: 'Save place' }).click();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('Which safe place?')).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Two or more')).toBeChecked();
  await form.town('Abingdon');
  await form.save();
  await expect(page.getByTestId('outcome-list')).toContainText('Safe Place follow-up visit · Is the sticker on display: yes · Two or more · 3 uses');
  await home(page);

  // Ref 19, Hotel Watch: a training session (its topic fixed by the action) and a test purchase.
  await openLogForm(page, '19');
  await form.chooseType('Training session');
  await expect(form.fixedAnswer('Topic', 'Hotel Watch')).toBeVisible();
  await form.select('Who was it for?', 'Hotels and B&Bs');
  await form.count('Number of attendees', 12);
  await form.radio('How was it delivered?', 'Face to face');
  await form.town('Henley-on-Thames');
  // A photo of the session's poster, straight from the camera: 4000×3000, resized on the phone.
  await page.getByLabel('Photos (optional)').setInputFiles({ ...(await photoFile(page, 4000, 3000)), name: 'poster.png' });
  await expect(page.getByRole('img', { name: 'Photo 1' })).toBeVisible();
  await form.save();
  const trainingWithPhoto = page.getByTestId('outcome-list').getByRole('listitem').filter({ hasText: 'Training session · Hotel Watch' });
  await expect(trainingWithPhoto.getByText('Waiting to upload')).toBeVisible();
  await home(page);
  await openLogForm(page, '19');
  await form.chooseType('Enforcement or test purchase');
  await expect(form.fixedAnswer('Type of operation', 'Hotel Watch test purchase')).toBeVisible();
  await form.count('Premises checked (optional)', 4);
  await form.count('Premises that failed (optional)', 1);
  await form.radio('Action taken', 'Advice given');
  await form.town('Thame');
  await form.save();
  await expect(page.getByTestId('measure-1').getByTestId('measure-tally')).toHaveText(/^1 operation\s*1 waiting to sync$/);
  await home(page);

  // Ref 16, internet safety workshops: a workshop, and service-user feedback (a plain activity,
  // counted with the stepper's buttons).
  await openLogForm(page, '16');
  await form.chooseType('Workshop, event or campaign');
  await expect(form.fixedAnswer('What was it?', 'Workshop')).toBeVisible();
  await form.select('Who was it for?', 'Parents and carers');
  await form.count('People reached', 25);
  await form.radio('Feedback (optional)', 'Mostly positive');
  await form.town('Didcot');
  await form.save();
  await home(page);
  await openLogForm(page, '16');
  await form.chooseType('Other activity');
  await expect(page.getByRole('textbox', { name: 'How many?', exact: true })).toHaveValue('1');
  await page.getByRole('button', { name: 'One more: How many?' }).click();
  await expect(page.getByRole('textbox', { name: 'How many?', exact: true })).toHaveValue('2');
  await form.town('Not about one area');
  await form.notes('Feedback forms from both pilot workshops');
  await form.save();
  await home(page);

  // Ref 15 counts milestones only: the type is shown, not asked.
  await openLogForm(page, '15');
  await expect(form.fixedAnswer('Logging', 'Milestone reached')).toBeVisible();
  await expect(page.getByRole('group', { name: 'What are you logging?' })).toHaveCount(0);
  await form.text('What?', 'Information-sharing links with Action Fraud');
  await form.radio('Where has it got to?', 'Agreed');
  await form.town('Not about one area');
  await form.save();
  await expect(page.getByTestId('measure-0').getByTestId('measure-tally')).toContainText('Agreed');
  await home(page);
  await expect(status(page)).toContainText('Offline · 10 outcomes waiting to sync');

  // Ref 22 is not the officer's, but the whole plan is on the phone. Half-way through the first
  // hate crime session, the app is killed.
  await openLogFormBySearch(page, '22');
  const ref22 = actionIdOf(page);
  await form.chooseType('Training session');
  await expect(form.fixedAnswer('Topic', 'Hate crime')).toBeVisible();
  await form.select('Who was it for?', 'Housing providers (RSLs)');
  await form.count('Number of attendees', 14);
  await form.radio('How was it delivered?', 'Online, live');
  await form.count('Organisations represented (optional)', 3);
  await form.text('Venue (optional)', 'Council offices');
  await form.town('Faringdon');
  await form.notes('Run with the PCC’s office');
  // Drafts are written as the officer types, not awaited; the kill comes once the last answer is kept.
  await expect.poll(async () => (await keptDraft(page, ref22))?.notes).toBe('Run with the PCC’s office');
  await phone.close();

  // Reopened, still without signal: the form comes back exactly as it was left.
  phone = await openPhone({ offline: true });
  page = await firstPage(phone);
  form = outcomeForm(page);
  await page.goto(network.url);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(status(page)).toContainText('Offline · 10 outcomes waiting to sync');
  await openLogFormBySearch(page, '22');
  await expect(page.getByTestId('draft-restored')).toContainText('Everything you entered is here.');
  await expect(page.getByRole('radio', { name: /^Training session/ })).toBeChecked();
  await expect(form.fixedAnswer('Topic', 'Hate crime')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Who was it for?' }).locator('option:checked')).toHaveText('Housing providers (RSLs)');
  await expect(page.getByRole('textbox', { name: 'Number of attendees', exact: true })).toHaveValue('14');
  await expect(page.getByRole('group', { name: 'How was it delivered?' }).getByRole('radio', { name: 'Online, live' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Organisations represented (optional)', exact: true })).toHaveValue('3');
  await expect(page.getByRole('textbox', { name: 'Venue (optional)', exact: true })).toHaveValue('Council offices');
  await expect(page.getByLabel('When did it happen?')).toHaveValue(today);
  await expect(page.getByRole('group', { name: 'Which area?' }).getByRole('radio', { name: 'Faringdon' })).toBeChecked();
  await expect(page.getByLabel('Notes (optional)')).toHaveValue('Run with the PCC’s office');
  await form.save();
  expect(await keptDraft(page, ref22)).toBeUndefined();
  await expect(page.getByTestId('outcome-list')).toContainText('Training session · Hate crime · Housing providers (RSLs) · 14 attendees');

  // The second session, somewhere else; the form opens fresh now the draft is saved.
  await page.getByRole('link', { name: 'Log an outcome' }).click();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await form.chooseType('Training session');
  await form.select('Who was it for?', 'Voluntary and community groups');
  await form.count('Number of attendees', 9);
  await form.radio('How was it delivered?', 'Face to face');
  await form.town('Didcot');
  await form.save();
  await expect(page.getByTestId('measure-0').getByTestId('measure-tally')).toHaveText(/^2 of 2 sessions\s*·\s*23 attendees\s*2 waiting to sync$/);
  await expect(status(page)).toContainText('Offline · 12 outcomes waiting to sync');

  // Signal returns: everything syncs by itself.
  await network.signalBack(phone);
  await expect(status(page)).toContainText('All synced', { timeout: 30_000 });
  await expect(page.getByTestId('measure-0').getByTestId('measure-tally')).toHaveText(/^2 of 2 sessions\s*·\s*23 attendees$/);
  // The photo went up after its outcome, resized to 1600×1200.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My actions' }).click();
  await openAction(page, '19');
  const photoItem = page.getByTestId('outcome-list').getByRole('listitem').filter({ hasText: 'Training session · Hotel Watch' });
  await expect(photoItem.getByText('Uploaded')).toBeVisible({ timeout: 30_000 });
  const photoInfo = await page.evaluate(async () => {
    const list = document.querySelector('[data-testid^="photo-"]');
    const photoId = list?.getAttribute('data-testid')?.slice('photo-'.length);
    const outcomeId = list?.closest('[data-testid^="outcome-"]')?.getAttribute('data-testid')?.slice('outcome-'.length);
    const res = await fetch(`/api/outcomes/${outcomeId}/photos`);
    return { photoId, body: (await res.json()) as { photos: { id: string; width: number; height: number; bytes: number }[] } };
  });
  expect(photoInfo.body.photos).toEqual([expect.objectContaining({ id: photoInfo.photoId, width: 1600, height: 1200 })]);
  // The place added offline reached the server too, and has its visit.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Places' }).click();
  const library = page.getByTestId('place-list').getByRole('listitem').filter({ hasText: 'Abingdon Library' });
  await expect(library).toContainText('Last visited');
  await expect(library).not.toContainText('Saved on this phone');
  await phone.close();
  await network.close();

  // The server's tallies, by the same rules.
  const tallies = await talliesOnServer(fieldbook.url, officer.email, officer.password);
  const measure = (ref: string, position: number) => {
    const m = tallies.filter((t) => t.actionRef === ref)[position];
    if (!m) throw new Error(`No measure ${position} on ref ${ref}`);
    return m.tally;
  };
  const figures = (ref: string, position: number) => measure(ref, position).figures.map((f) => f.value);

  // Ref 3: two towns where the scheme runs, three places signed up, one visit, no champions training.
  expect(figures('3', 0)).toEqual([2]);
  expect(figures('3', 1)).toEqual([3]);
  expect(measure('3', 1).figures[0]!.byTown).toEqual([
    { town: 'Wallingford', value: 2 },
    { town: 'Wantage', value: 1 },
  ]);
  expect(figures('3', 2)).toEqual([0, 0]);
  expect(figures('3', 3)).toEqual([1]);
  // Ref 19: one Hotel Watch session of 12, one test purchase operation.
  expect(figures('19', 0)).toEqual([1, 12]);
  expect(figures('19', 1)).toEqual([1]);
  // Ref 16: one workshop reaching 25 (target two), one feedback activity.
  expect(figures('16', 0)).toEqual([1, 25]);
  expect(measure('16', 0).progress).toBe(0.5);
  expect(figures('16', 1)).toEqual([1]);
  // Ref 15: the milestone's stage.
  expect(measure('15', 0).figures[0]!.display).toBe('Agreed');
  // Ref 22: both hate crime sessions, target met, 23 attendees; no reporting centres.
  expect(figures('22', 0)).toEqual([2, 23]);
  expect(measure('22', 0).progress).toBe(1);
  expect(figures('22', 1)).toEqual([0, 0]);
  // Nothing still waiting, and nothing counted twice.
  expect(tallies.filter((t) => t.tally.pendingCount > 0)).toEqual([]);
  expect(tallies.reduce((n, t) => n + t.tally.outcomeCount, 0)).toBe(
    // Each outcome once per measure that counts it: the three Safe Places count toward two measures.
    3 * 2 + 1 + 1 + 1 + 1 + 1 + 1 + 2,
  );
});
