import { expect, firstPage, signIn, test } from './support/fixtures';
import { startNetworkSwitch } from './support/network-switch';
import { runCli, type RunningFieldbook } from './support/fieldbook-server';
import { axeViolations, pageWidth } from './support/axe';
import { DEMO_PARTNERSHIP, DEMO_USERS } from '../../src/server/seed/demo-seed';

const ADMIN = { email: 'admin@southandvale.example', password: 'kestrel-harbour-lantern-93' };

/** The partnership's first administrator, made as an operator does: from the command line, on the server's database. */
function addAdministrator(server: RunningFieldbook) {
  const args = ['add', '--email', ADMIN.email, '--name', 'Alex Morgan', '--partnership', DEMO_PARTNERSHIP, '--role', 'admin', '--job-title', 'CSP Manager'];
  const made = runCli(server, 'users', args, { FIELDBOOK_PASSWORD: ADMIN.password });
  if (made.status !== 0) throw new Error(`npm run users -- add failed: ${made.stderr}`);
}

/**
 * What prints on reports, set by the partnership's administrator, reaches the printed reports and
 * the public pages; the accessibility statement and privacy notice open signed out, offline from
 * the precache, naming the contact the phone last fetched, or the coordinator when it never did.
 */
test('an administrator sets what prints on reports; the public pages name the contact, offline and signed out', async ({ fieldbook: server, openPhone }) => {
  test.setTimeout(180_000);
  addAdministrator(server);
  const network = await startNetworkSwitch(server.url);
  let phone = await openPhone();
  let page = await firstPage(phone);
  await page.setViewportSize({ width: 360, height: 640 });

  // Signed out, never fetched: the shell installs, then the signal goes before either page opens.
  await page.goto(network.url);
  await expect(page.getByRole('heading', { name: 'Sign in to Fieldbook' })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await phone.close();
  network.cut();
  phone = await openPhone({ offline: true });
  page = await firstPage(phone);
  for (const [path, heading] of [
    ['/accessibility', 'Accessibility statement for Fieldbook'],
    ['/privacy', 'Privacy notice for Fieldbook'],
  ] as const) {
    await page.goto(network.url + path);
    await expect(page.getByRole('heading', { level: 1, name: heading }), path).toBeVisible();
    await expect(page.getByTestId('contact-unknown'), path).toContainText('Ask your partnership’s coordinator');
  }
  await phone.close();
  network.restore();

  // The administrator, from Account → settings, changes what prints on reports: a bad email is named, nothing saved; then saved.
  phone = await openPhone();
  page = await firstPage(phone);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(network.url);
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await page.goto(`${network.url}/account`);
  await page.getByRole('link', { name: 'settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What prints on reports' })).toBeVisible();
  await page.getByRole('link', { name: 'Change what prints on reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What prints on reports' })).toBeVisible();
  await expect(page.getByLabel('Partnership’s full name')).toHaveValue(DEMO_PARTNERSHIP);
  await expect(page.getByLabel('Protective marking')).toHaveValue('OFFICIAL');
  await page.getByLabel('Protective marking').fill('OFFICIAL-SENSITIVE');
  await page.getByLabel('Email address').fill('csp at southandvale');
  await page.getByLabel('Data controller').fill('South Oxfordshire District Council');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the contact email address in the correct format');
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), 'report details with errors').toEqual([]);
  expect(await pageWidth(page), 'report details: page width').toBeLessThanOrEqual(360);
  await page.getByLabel('Email address').fill('csp@southandvale.example');
  await page.getByLabel('Phone number (optional)').fill('01235 422400');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(await axeViolations(page), 'report details saved').toEqual([]);

  // The phone's copy follows: the printed quarterly report carries the new marking, top and foot.
  await expect(page.getByTestId('sync-status')).toContainText('All synced');
  await page.goto(`${network.url}/reports`);
  await page
    .getByRole('link', { name: /^Q2 2018\/19/ })
    .first()
    .click();
  await expect(page.getByTestId('protective-marking')).toHaveText(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);

  // Signed in, the pages name the partnership's contact from its record on the phone.
  await page.goto(`${network.url}/accessibility`);
  await expect(page.getByTestId('contacts')).toContainText('csp@southandvale.example');
  await page.goto(`${network.url}/account`);
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Fieldbook' })).toBeVisible();

  // Signed out and online: the public list, which the phone keeps; then offline and cold, the kept copy.
  await page.getByRole('link', { name: 'Privacy notice' }).click();
  await expect(page.getByTestId('contacts')).toContainText('South Oxfordshire District Council');
  await phone.close();
  network.cut();
  phone = await openPhone({ offline: true });
  page = await firstPage(phone);
  for (const path of ['/accessibility', '/privacy']) {
    await page.goto(network.url + path);
    await expect(page.getByTestId('contacts'), path).toContainText('csp@southandvale.example');
    await expect(page.getByTestId('contacts'), path).toContainText('01235 422400');
  }
  await phone.close();
  await network.close();
});

test('the coordinator, who does not administer the partnership, is not offered the screen', async ({ fieldbook: server, openPhone }) => {
  const page = await firstPage(await openPhone());
  await page.goto(server.url);
  await signIn(page, DEMO_USERS.coordinator);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await page.goto(`${server.url}/account`);
  await expect(page.getByRole('link', { name: /team/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'settings', exact: true })).toHaveCount(0);
  await page.goto(`${server.url}/settings/report-details`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
