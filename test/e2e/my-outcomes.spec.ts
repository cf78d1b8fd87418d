import { expect, firstPage, signIn, test } from './support/fixtures';
import { logChampionsTraining, logHotelWatchTraining, openLogForm } from './support/outcome-form';
import { axeViolations, pageWidth } from './support/axe';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

/**
 * "Your outcomes" with no signal: reached from the tab bar, the officer's outcomes newest first,
 * filtered as they type on town, ref and notes (notes found, never shown), the query kept in the
 * URL for Back, accessible (axe, WCAG 2.2 AA) and no wider than the phone, even at 200% text.
 */
test('your outcomes open offline from the tab bar and filter as the officer types', async ({ fieldbook: server, openPhone }) => {
  const phone = await openPhone();
  const page = await firstPage(phone);
  // A small phone: reflow is checked at this width.
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(server.url);
  await signIn(page, DEMO_USERS.officer);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await openLogForm(page, '19');
  await logHotelWatchTraining(page, { attendees: 6, town: 'Didcot', notes: 'Met the duty manager about a confidential concern' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My actions' }).click();
  await openLogForm(page, '3');
  await logChampionsTraining(page, { attendees: 9, town: 'Wantage', notes: 'Leaflets left at the counter' });
  await expect(page.getByTestId('sync-status')).toContainText('All synced');

  await phone.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
  await expect(page.getByRole('heading', { name: 'Your outcomes' })).toBeVisible();
  const status = page.getByRole('main').locator('p[role=status]');
  await expect(status).toHaveText('2 outcomes on this phone.');
  const rows = page.getByRole('list', { name: 'Outcomes' }).getByRole('link');
  await expect(rows).toHaveCount(2);
  // Newest first: the ref 3 session was saved last.
  await expect(rows.first()).toContainText('Ref 3');
  await expect(rows.first()).toContainText('Wantage');
  await expect(rows.first()).toContainText('Synced');
  expect(await axeViolations(page), 'your outcomes').toEqual([]);
  expect(await pageWidth(page), 'your outcomes: page width').toBeLessThanOrEqual(360);

  const box = page.getByLabel('Search your outcomes');
  await box.pressSequentially('didcot');
  await expect(status).toHaveText('1 of 2 outcomes matches.');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Ref 19');
  await expect(rows.first()).toContainText('Training session');

  await box.fill('confidential');
  await expect(status).toHaveText('1 of 2 outcomes matches.');
  await expect(rows.first()).toContainText('Ref 19');
  await expect(page.getByText(/confidential/)).toHaveCount(0);
  await expect(page).toHaveURL(/\/outcomes\?q=confidential$/);
  expect(await axeViolations(page), 'your outcomes, filtered').toEqual([]);

  await box.fill('zebra crossing');
  await expect(status).toHaveText('No outcomes match. Check the spelling or try fewer words.');
  await expect(rows).toHaveCount(0);
  expect(await axeViolations(page), 'your outcomes, no match').toEqual([]);

  // A row opens its action; Back returns to the search as it was.
  await box.fill('wantage');
  await rows.first().click();
  await expect(page.getByRole('heading', { name: 'Ref 3' })).toBeVisible();
  await page.goBack();
  await expect(box).toHaveValue('wantage');
  await expect(rows).toHaveCount(1);

  // Text at 200% (WCAG 1.4.4): still no sideways scrolling.
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  expect(await pageWidth(page), 'your outcomes at 200% text').toBeLessThanOrEqual(360);
});
