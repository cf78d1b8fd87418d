import type { Locator, Page } from '@playwright/test';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { axeViolations, pageWidth } from './support/axe';
import { actionLink } from './support/outcome-form';
import { runCli } from './support/fieldbook-server';
import { DEMO_PARTNERSHIP, DEMO_USERS } from '../../src/server/seed/demo-seed';
import { complianceStatus, KNOWN_ISSUES } from '../../src/app/ui/public/accessibility-known-issues';

const { officer, coordinator } = DEMO_USERS;

/**
 * Runs axe on the screen named by its heading, once that heading shows: a loading frame, an error
 * screen or "Page not found" has no violations either, so an empty list means nothing until the
 * intended screen is known to be the one checked.
 */
async function expectAccessible(page: Page, what: string, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' }), what).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The accessibility statement lists what is not accessible (accessibility-known-issues.ts): axe
  // finds nothing it does not list on this screen, and still finds everything it lists here.
  const found = await axeViolations(page);
  const listed = KNOWN_ISSUES.filter((issue) => issue.screens.includes(what)).map((issue) => issue.rule);
  const ruleOf = (violation: string) => violation.slice(0, violation.indexOf(':'));
  expect(
    found.filter((v) => !listed.includes(ruleOf(v))),
    `${what}: found by axe, not in the accessibility statement`,
  ).toEqual([]);
  expect(
    listed.filter((rule) => !found.some((v) => ruleOf(v) === rule)),
    `${what}: in the accessibility statement, no longer found by axe`,
  ).toEqual([]);
  // Reflow (WCAG 1.4.10): nothing wider than the phone. A phone browser zooms a too-wide page
  // out, and then taps land on the wrong thing.
  const viewport = page.viewportSize()!.width;
  expect(await pageWidth(page), `${what}: page width`).toBeLessThanOrEqual(viewport);
}

const actionUrl = async (page: Page, base: string, ref: string) => {
  await page.goto(`${base}/plan`);
  const link = actionLink(page, ref);
  await expect(link).toBeVisible();
  return (await link.getAttribute('href'))!;
};

test.describe('every screen meets WCAG 2.2 AA (axe-core), on a 360×640 phone', () => {
  test.use({ viewport: { width: 360, height: 640 } });

  test('officer screens, including the outcome form with its errors showing', async ({ fieldbook: server, openPhone }) => {
    const page = await firstPage(await openPhone());
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(server.url);
    await expectAccessible(page, 'sign-in', 'Sign in to Fieldbook');
    // The pages a public service publishes, signed out, from the sign-in screen's own links.
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    await expectAccessible(page, 'accessibility statement', 'Accessibility statement for Fieldbook');
    // Never a claim of full compliance while the statement lists a failure (or without a hand audit).
    await expect(page.getByTestId('compliance-status')).toContainText(complianceStatus() === 'fully' ? 'is fully compliant' : 'is partially compliant');
    if (KNOWN_ISSUES.length > 0) await expect(page.getByTestId('compliance-status')).not.toContainText('fully compliant');
    await page.getByRole('link', { name: 'Privacy notice' }).click();
    await expectAccessible(page, 'privacy notice', 'Privacy notice for Fieldbook');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, officer);
    await expectAccessible(page, 'my actions', 'My actions');

    for (const [path, heading] of [
      ['/plan', 'Rolling annual plan 2018-19'],
      ['/search', 'Search the plan'],
      ['/log', 'Log an outcome'],
      ['/places', 'Places'],
      ['/places/new?kind=safe-place', 'Add a place'],
      ['/attention', 'Needs attention'],
      ['/account', 'Account'],
      ['/account/password', 'Change your password'],
      ['/share?problem=some-left-out', 'Add shared photos to an outcome'],
    ] as const) {
      await page.goto(server.url + path);
      await expectAccessible(page, path, heading);
    }
    const action22 = await actionUrl(page, server.url, '22');
    await page.goto(server.url + action22);
    await expectAccessible(page, 'action 22', 'Ref 22');

    await page.goto(`${server.url}${action22}/log`);
    await page.getByRole('button', { name: 'Save outcome' }).click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expectAccessible(page, 'log form with errors', 'Log an outcome');
    await page.getByLabel(/^Training session/).check();
    await expectAccessible(page, 'training session form', 'Log an outcome');

    const action3 = await actionUrl(page, server.url, '3');
    await page.goto(`${server.url}${action3}/log`);
    await page.getByLabel(/^Safe Place follow-up visit/).check();
    await expectAccessible(page, 'Safe Place visit form', 'Log an outcome');

    // Text at 200% (WCAG 1.4.4), as a phone's largest font setting gives: still no sideways scrolling.
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    expect(await pageWidth(page), 'visit form at 200% text').toBeLessThanOrEqual(360);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Places' }).click();
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    expect(await pageWidth(page), 'places at 200% text').toBeLessThanOrEqual(360);
  });

  test('coordinator screens', async ({ fieldbook: server, openPhone }) => {
    const page = await firstPage(await openPhone());
    await page.goto(server.url);
    await signIn(page, coordinator);
    await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
    await page.goto(`${server.url}/progress`);
    await expect(page.getByRole('heading', { name: /^Progress/ })).toBeVisible();
    await expectAccessible(page, 'progress', /^Progress/);
    await page.goto(`${server.url}/account`);
    const team = page.getByRole('link', { name: /team/i }).first();
    await team.click();
    await expectAccessible(page, 'team', 'Team');
    await page.goto(`${server.url}/account`);
    await page.getByRole('link', { name: /audit/i }).first().click();
    await expectAccessible(page, 'audit log', 'Audit log');

    // The coordinator workspace, on a phone too (a coordinator checks figures between meetings).
    await page.goto(`${server.url}/progress`);
    await page.getByRole('link', { name: 'The whole plan' }).click();
    await page.getByRole('link', { name: /^Q2 2018\/19/ }).click();
    await expectAccessible(page, 'progress in a quarter', 'Progress: Rolling annual plan 2018-19');
    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    await page.getByText(/^Start a new plan for/).click();
    await expectAccessible(page, 'plans, with the new-plan form open', 'Plans');
    await page.getByRole('link', { name: 'Rolling annual plan 2018-19' }).click();
    await expectAccessible(page, 'a plan to change', 'Rolling annual plan 2018-19');
    await page.getByRole('link', { name: /^Ref 3:/ }).click();
    await expectAccessible(page, 'an action to change', 'Ref 3');
    await page.getByRole('link', { name: 'Change how it is counted' }).first().click();
    await expectAccessible(page, 'a measure’s tally rule', 'Change a measure');
    await page.goBack();
    await page.goBack();
    await page.getByRole('link', { name: 'Import or update from CSV' }).click();
    await page
      .getByLabel('Actions (CSV)')
      .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('ref,objective,priority,action\n1,O,,x\n1,O,P,y\n') });
    await page.getByRole('button', { name: 'Check the files' }).click();
    await expect(page.getByTestId('import-report')).toContainText('Nothing has been saved');
    await expectAccessible(page, 'a plan import with problems', 'Import the plan from CSV');
    await page.getByRole('link', { name: 'Reports' }).click();
    await expectAccessible(page, 'reports', 'Reports');
    await page
      .getByRole('link', { name: /^Q2 2018\/19/ })
      .first()
      .click();
    await expectAccessible(page, 'the quarterly progress report', /^Quarterly progress report: Q2 2018\/19/);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: /^review and sign-off for Q2 2018\/19/ }).click();
    await expectAccessible(page, 'the quarterly review', /^Quarterly review: Q2 2018\/19/);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: 'Export outcomes as CSV' }).click();
    await expectAccessible(page, 'the outcomes export', 'Export outcomes');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: 'Spending plan, mid-year and end-year returns' }).click();
    await page.getByRole('button', { name: 'Add an expenditure line' }).click();
    await expectAccessible(page, 'the PCC return', 'PCC Community Safety Fund return');
  });

  test('administrator and viewer screens', async ({ fieldbook: server, openPhone }) => {
    const admin = { email: 'admin@southandvale.example', password: 'kestrel-harbour-lantern-93' };
    const viewer = { email: 'councillor@southandvale.example', password: 'scrutiny-panel-reads-93' };
    for (const [who, role] of [
      [admin, 'admin'],
      [viewer, 'viewer'],
    ] as const) {
      const args = ['add', '--email', who.email, '--name', `A ${role}`, '--partnership', DEMO_PARTNERSHIP, '--role', role, '--job-title', 'Board member'];
      const made = runCli(server, 'users', args, { FIELDBOOK_PASSWORD: who.password });
      expect(made.status, made.stderr).toBe(0);
    }
    const phone = await openPhone();
    const page = await firstPage(phone);
    await page.goto(server.url);
    await signIn(page, admin);
    await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
    await page.goto(`${server.url}/account`);
    await page.getByRole('link', { name: 'settings', exact: true }).click();
    await expectAccessible(page, 'partnership settings', 'Partnership settings');
    // With a rename open and its error showing.
    await page.getByRole('button', { name: 'Change the name of Didcot' }).click();
    await page.getByLabel('New name for Didcot').fill('');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expectAccessible(page, 'partnership settings, a rename refused', 'Partnership settings');
    await page.getByRole('link', { name: 'Change what prints on reports' }).click();
    await expectAccessible(page, 'what prints on reports', 'What prints on reports');

    await page.goto(`${server.url}/account`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, viewer);
    await expectAccessible(page, 'progress, as a viewer', /^Progress/);
    await page.getByRole('link', { name: 'Reports', exact: true }).first().click();
    await expectAccessible(page, 'reports, as a viewer', 'Reports');
  });
});

/** True while `target` has the keyboard's focus. */
const focused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab until focus is on `target`, or inside it (a group of radios, where Tab lands on the
 * chosen one or the first): proof that it can be reached in order by keyboard. Fails past `most`.
 */
async function tabTo(page: Page, target: Locator, most = 40): Promise<void> {
  for (let i = 0; i < most && !(await target.evaluate((el) => el.contains(document.activeElement))); i++) await page.keyboard.press('Tab');
  expect(await target.evaluate((el) => el.contains(document.activeElement)), `${target.toString()} reached by Tab`).toBe(true);
}

/**
 * Inside a group of radios: the arrow key moves to the next option and chooses it, until focus is
 * on `option`; Space chooses it where Tab landed on it unchosen (the first option of a group with none).
 */
async function choose(page: Page, option: Locator, most = 30): Promise<void> {
  for (let i = 0; i < most && !(await focused(option)); i++) await page.keyboard.press('ArrowDown');
  await expect(option).toBeFocused();
  if (!(await option.isChecked())) await page.keyboard.press('Space');
  await expect(option).toBeChecked();
}

test('the outcome form works by keyboard alone', async ({ fieldbook: server, openPhone }) => {
  const page = await firstPage(await openPhone());
  await page.goto(server.url);
  await signIn(page, officer);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  const action22 = await actionUrl(page, server.url, '22');
  await page.goto(`${server.url}${action22}/log`);
  await expect(page.getByRole('heading', { name: 'Log an outcome' })).toBeVisible();
  const group = (question: string) => page.getByRole('group', { name: question, exact: true });

  // From the top of the page, with Tab, the arrow keys, Space and Enter only: nothing is clicked or focused for the officer.
  await tabTo(page, group('What are you logging?'));
  await choose(page, page.getByLabel(/^Training session/));
  const whoFor = page.getByRole('combobox', { name: 'Who was it for?' });
  await tabTo(page, whoFor);
  await page.keyboard.press('ArrowDown');
  await expect(whoFor).not.toHaveValue('');
  const attendees = page.getByLabel('Number of attendees', { exact: true });
  await tabTo(page, attendees);
  await page.keyboard.type('14');
  await expect(attendees).toHaveValue('14');
  await tabTo(page, group('How was it delivered?'));
  await choose(page, page.getByLabel('Face to face'));
  await tabTo(page, group('Which area?'));
  await choose(page, page.getByLabel('Thame', { exact: true }));
  await tabTo(page, page.getByLabel('Notes (optional)'));
  await page.keyboard.type('By keyboard');
  // One field back and forth: Shift+Tab leaves the notes as typed.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Notes (optional)')).toBeFocused();
  await expect(page.getByLabel('Notes (optional)')).toHaveValue('By keyboard');
  await tabTo(page, page.getByRole('button', { name: 'Save outcome' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Outcome saved on this phone. It syncs by itself when there is signal.')).toBeVisible();
  await expectAccessible(page, 'action with an outcome, its photo control and "log another"', 'Ref 22');
});

test.describe('the install offers meet WCAG 2.2 AA too, on a 360×640 phone', () => {
  test.use({ viewport: { width: 360, height: 640 } });
  const IPHONE_SAFARI =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

  test("Chromium's install button", async ({ fieldbook: server, openPhone }) => {
    const page = await firstPage(await openPhone());
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    await signIn(page, officer);
    await expect(page.getByRole('button', { name: 'Install Fieldbook' })).toBeVisible();
    await expectAccessible(page, 'My actions with the install offer', 'My actions');
  });

  test('the iOS Add to Home Screen guide', async ({ fieldbook: server, browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, userAgent: IPHONE_SAFARI });
    const page = await context.newPage();
    await page.goto(server.url);
    await signIn(page, officer);
    await expect(page.getByRole('heading', { name: 'Add Fieldbook to your Home Screen' })).toBeVisible();
    await expectAccessible(page, 'My actions with the iOS guide', 'My actions');
    await context.close();
  });
});
