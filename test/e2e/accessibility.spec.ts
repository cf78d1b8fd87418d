import type { Page } from '@playwright/test';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { axeViolations, pageWidth } from './support/axe';
import { actionLink } from './support/outcome-form';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

const { officer, coordinator } = DEMO_USERS;

async function expectAccessible(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), what).toEqual([]);
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
    await expectAccessible(page, 'sign-in');
    await signIn(page, officer);
    await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
    await expectAccessible(page, 'my actions');

    for (const path of [
      '/plan',
      '/search',
      '/log',
      '/places',
      '/places/new?kind=safe-place',
      '/attention',
      '/account',
      '/account/password',
      '/share?problem=some-left-out',
    ]) {
      await page.goto(server.url + path);
      await expectAccessible(page, path);
    }
    const action22 = await actionUrl(page, server.url, '22');
    await page.goto(server.url + action22);
    await expectAccessible(page, 'action 22');

    await page.goto(`${server.url}${action22}/log`);
    await page.getByRole('button', { name: 'Save outcome' }).click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expectAccessible(page, 'log form with errors');
    await page.getByLabel(/^Training session/).check();
    await expectAccessible(page, 'training session form');

    const action3 = await actionUrl(page, server.url, '3');
    await page.goto(`${server.url}${action3}/log`);
    await page.getByLabel(/^Safe Place follow-up visit/).check();
    await expectAccessible(page, 'Safe Place visit form');

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
    await expectAccessible(page, 'progress');
    await page.goto(`${server.url}/account`);
    const team = page.getByRole('link', { name: /team/i }).first();
    await team.click();
    await expectAccessible(page, 'team');
    await page.goto(`${server.url}/account`);
    await page.getByRole('link', { name: /audit/i }).first().click();
    await expectAccessible(page, 'audit log');

    // The coordinator workspace, on a phone too (a coordinator checks figures between meetings).
    await page.goto(`${server.url}/progress`);
    await page.getByRole('link', { name: 'The whole plan' }).click();
    await page.getByRole('link', { name: /^Q2 2018\/19/ }).click();
    await expectAccessible(page, 'progress in a quarter');
    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    await page.getByText(/^Start a new plan for/).click();
    await expectAccessible(page, 'plans, with the new-plan form open');
    await page.getByRole('link', { name: 'Rolling annual plan 2018-19' }).click();
    await expectAccessible(page, 'a plan to change');
    await page.getByRole('link', { name: /^Ref 3:/ }).click();
    await expectAccessible(page, 'an action to change');
    await page.getByRole('link', { name: 'Change how it is counted' }).first().click();
    await expectAccessible(page, 'a measure’s tally rule');
    await page.goBack();
    await page.goBack();
    await page.getByRole('link', { name: 'Import or update from CSV' }).click();
    await page
      .getByLabel('Actions (CSV)')
      .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('ref,objective,priority,action\n1,O,,x\n1,O,P,y\n') });
    await page.getByRole('button', { name: 'Check the files' }).click();
    await expect(page.getByTestId('import-report')).toContainText('Nothing has been saved');
    await expectAccessible(page, 'a plan import with problems');
    await page.getByRole('link', { name: 'Reports' }).click();
    await expectAccessible(page, 'reports');
    await page
      .getByRole('link', { name: /^Q2 2018\/19/ })
      .first()
      .click();
    await expectAccessible(page, 'the quarterly progress report');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: /^review and sign-off for Q2 2018\/19/ }).click();
    await expectAccessible(page, 'the quarterly review');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: 'Export outcomes as CSV' }).click();
    await expectAccessible(page, 'the outcomes export');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: 'Spending plan, mid-year and end-year returns' }).click();
    await page.getByRole('button', { name: 'Add an expenditure line' }).click();
    await expectAccessible(page, 'the PCC return');
  });
});

test('the outcome form works by keyboard alone', async ({ fieldbook: server, openPhone }) => {
  const page = await firstPage(await openPhone());
  await page.goto(server.url);
  await signIn(page, officer);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  const action22 = await actionUrl(page, server.url, '22');
  await page.goto(`${server.url}${action22}/log`);
  // Tab to the first type and choose it with the keyboard.
  const training = page.getByLabel(/^Training session/);
  await training.focus();
  await page.keyboard.press('Space');
  await expect(training).toBeChecked();
  await page.getByLabel('Who was it for?').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByLabel('Number of attendees', { exact: true }).focus();
  await page.keyboard.type('14');
  await page.getByLabel('Face to face').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Thame', { exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Notes (optional)').focus();
  await page.keyboard.type('By keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Outcome saved on this phone. It syncs by itself when there is signal.')).toBeVisible();
  await expectAccessible(page, 'action with an outcome, its photo control and "log another"');
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
    await expectAccessible(page, 'My actions with the install offer');
  });

  test('the iOS Add to Home Screen guide', async ({ fieldbook: server, browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, userAgent: IPHONE_SAFARI });
    const page = await context.newPage();
    await page.goto(server.url);
    await signIn(page, officer);
    await expect(page.getByRole('heading', { name: 'Add Fieldbook to your Home Screen' })).toBeVisible();
    await expectAccessible(page, 'My actions with the iOS guide');
    await context.close();
  });
});
