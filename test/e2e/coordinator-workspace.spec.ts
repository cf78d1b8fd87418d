import { readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH, DESK } from './support/chromium';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { startNetworkSwitch } from './support/network-switch';
import { actionLink, openLogForm, outcomeForm } from './support/outcome-form';
import { outcomesOnServer } from './support/server-api';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';
import { addDays, localIsoDate } from '../../src/domain/primitives';
import { financialYearOf, quarterOf } from '../../src/domain/period';
import { parseCsv } from '../../src/domain/plan-import/csv';

const { officer, coordinator } = DEMO_USERS;

// The plan covers this financial year; the outcomes fall in its last quarter to have ended.
const today = localIsoDate(new Date());
const quarter = quarterOf(addDays(quarterOf(today).start, -1));
const year = financialYearOf(quarter.start);
const day = (n: number) => addDays(quarter.start, n);

/** A small plan as a coordinator would save it from Excel: the officer's job title leads both actions. */
const PLAN_CSV = [
  'Ref,Objective,Priority,Action,Target/Measures,Lead agency,Due',
  `H1,Vulnerability,Hate Crime,"Deliver hate crime training to housing providers","two training sessions held, number of attendees and location",District Council Community Safety Team (Community Safety Projects Officer),${year.end}`,
  'H2,Vulnerability,Hate Crime,"Run hate crime awareness workshops in schools","number of workshops delivered",District Council Community Safety Team (Community Safety Projects Officer),',
].join('\r\n');

const status = (page: Page) => page.getByTestId('sync-status');

async function logTraining(page: Page, { attendees, town, date, notes }: { attendees: number; town: string; date: string; notes: string }) {
  await openLogForm(page, 'H1');
  const form = outcomeForm(page);
  // H1 counts training sessions on hate crime only: the form says so rather than asking.
  await expect(form.fixedAnswer('Logging', 'Training session')).toBeVisible();
  await expect(form.fixedAnswer('Topic', 'Hate crime')).toBeVisible();
  await form.select('Who was it for?', 'Housing providers (RSLs)');
  await form.count('Number of attendees', attendees);
  await form.radio('How was it delivered?', 'Face to face');
  await form.town(town);
  await page.getByLabel('When did it happen?').fill(date);
  await form.notes(notes);
  await form.save();
  await page.getByRole('link', { name: 'My actions' }).click();
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path(), 'utf8');
}

test('a coordinator imports a plan, an officer logs offline, and the quarterly report and CSV hold exactly those outcomes; sign-off locks them', async ({
  fieldbook: server,
  openPhone,
}) => {
  test.setTimeout(240_000);
  const desk = await chromium.launch(CHROMIUM_LAUNCH);
  const jo = await desk.newPage(DESK);

  // The coordinator creates this year's plan and imports its actions from CSV.
  await jo.goto(server.url);
  await signIn(jo, coordinator);
  await jo.getByRole('link', { name: 'Progress' }).click();
  await jo.getByRole('link', { name: 'Plans' }).click();
  await jo.getByText(/^Start a new plan for/).click();
  await jo.getByLabel('Title').fill(`Rolling annual plan ${year.label}`);
  await jo.getByLabel('Starts').fill(year.start);
  await jo.getByLabel('Ends').fill(year.end);
  await jo.getByRole('button', { name: 'Create the plan' }).click();
  await jo.getByRole('link', { name: 'Import its actions from CSV' }).click();
  await jo.getByLabel('Actions (CSV)').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(PLAN_CSV, 'utf8') });
  await jo.getByRole('button', { name: 'Check the files' }).click();
  const report = jo.getByTestId('import-report');
  await expect(report).toContainText('Ready to import');
  await expect(report).toContainText('2 actions, 2 measures, 1 priority, 1 objective to add.');
  await jo.getByRole('button', { name: 'Import into the plan' }).click();
  await expect(report.getByRole('heading', { name: 'Imported' })).toBeVisible();

  // The officer's phone gets the plan; both actions are theirs (their job title leads them).
  const network = await startNetworkSwitch(server.url);
  const phone: BrowserContext = await openPhone();
  const sam = await firstPage(phone);
  await sam.goto(network.url);
  await signIn(sam, officer);
  await expect(actionLink(sam, 'H1')).toBeVisible();
  await expect(actionLink(sam, 'H2')).toBeVisible();
  await expect(status(sam)).toContainText('All synced');
  await sam.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // No signal: two sessions logged on the phone, dated in the quarter.
  network.cut();
  await phone.setOffline(true);
  await logTraining(sam, { attendees: 12, town: 'Didcot', date: day(10), notes: 'Sovereign staff' });
  await logTraining(sam, { attendees: 9, town: 'Wantage', date: day(40), notes: 'Soha staff' });
  await expect(status(sam)).toContainText('Offline · 2 outcomes waiting to sync');

  // Signal returns: they sync by themselves.
  network.restore();
  await phone.setOffline(false);
  await expect(status(sam)).toContainText('All synced', { timeout: 30_000 });
  const logged = (await outcomesOnServer(server.url, coordinator.email, coordinator.password)).filter(
    (o) => o.notes === 'Sovereign staff' || o.notes === 'Soha staff',
  );
  expect(logged.map((o) => [o.occurredOn, o.town]).sort()).toEqual([
    [day(10), 'Didcot'],
    [day(40), 'Wantage'],
  ]);

  // The coordinator's quarterly report counts exactly those two.
  await jo.goto(`${server.url}/reports`);
  const section = jo.getByRole('region', { name: `Rolling annual plan ${year.label}` });
  await section.getByRole('link', { name: quarter.label, exact: true }).click();
  const printed = jo.getByTestId('quarter-report');
  await expect(printed).toContainText(`Quarterly progress report: ${quarter.label}`);
  await expect(printed).toContainText('2 outcomes logged in the quarter');
  const h1 = printed.getByRole('row').filter({ hasText: 'two training sessions held' });
  await expect(h1).toContainText('2 sessions; 21 attendees');
  await expect(h1).toContainText('Green: on track');
  const csv = await downloadText(jo, () => jo.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(csv.slice(1)).map((r) => r.cells);
  expect(rows.filter((r) => r[0] === 'H1').map((r) => [r[5], r[6], r[7], r[8]])).toEqual([
    ['two training sessions held, number of attendees and location', '2 sessions; 21 attendees', '2', '2'],
  ]);
  expect(rows.filter((r) => r[0] === 'H2').map((r) => r[6])).toEqual(['0 workshops']);

  // Every figure opens the outcomes behind it: the two sessions, then the one in Wantage.
  await jo.goto(`${server.url}/reports`);
  await section.getByRole('link', { name: `review and sign-off for ${quarter.label}` }).click();
  await jo.getByRole('link', { name: 'Progress in this quarter' }).click();
  const row = jo.getByRole('row', { name: /two training sessions held/ });
  await row.getByTestId('progress-total').getByRole('link', { name: '2', exact: true }).click();
  await expect(jo.getByTestId('outcomes-behind').getByRole('row')).toHaveCount(3);
  await jo.goBack();
  await row.getByRole('link', { name: /in Wantage: the outcomes/ }).click();
  await expect(jo.getByTestId('outcomes-behind').getByRole('row')).toHaveCount(2);
  await expect(jo.getByTestId('outcomes-behind')).toContainText('Wantage');

  // The outcomes export holds one row per outcome: those two, and nothing else.
  await jo.goto(`${server.url}/reports`);
  await section.getByRole('link', { name: 'Export outcomes as CSV' }).click();
  await jo.getByLabel('From', { exact: true }).fill(quarter.start);
  await jo.getByLabel('To', { exact: true }).fill(quarter.end);
  await expect(jo.getByTestId('export-count')).toHaveText('2 outcomes match.');
  const exported = parseCsv((await downloadText(jo, () => jo.getByRole('button', { name: 'Download CSV' }).click())).slice(1)).map((r) => r.cells);
  // First the partnership's protective marking, then the header.
  expect(exported.slice(0, 2).map((r) => r[0])).toEqual(['OFFICIAL', 'Outcome id']);
  expect(
    exported
      .slice(2)
      .map((r) => [r[0], r[1], r[10]])
      .sort(),
  ).toEqual(logged.map((o) => [o.id, o.occurredOn, o.town]).sort());

  // The coordinator reviews and signs the quarter off.
  await jo.goto(`${server.url}/reports`);
  await section.getByRole('link', { name: `review and sign-off for ${quarter.label}` }).click();
  await expect(jo.getByRole('heading', { name: /^Quarterly review/ })).toBeVisible();
  const review = jo.getByTestId('review-H1');
  await review.getByLabel('Commentary').fill('Both providers trained');
  await review.getByRole('button', { name: 'Save the review of ref H1' }).click();
  await expect(review.getByRole('status')).toHaveText('Saved.');
  await jo.getByRole('button', { name: 'Sign off this quarter…' }).click();
  await jo.getByRole('button', { name: `Sign off ${quarter.label} now` }).click();
  await expect(jo.getByTestId('sign-off-panel')).toContainText('Signed off by Jo Bennett');

  // The officer can no longer change an outcome dated in it.
  await sam.getByRole('button', { name: 'Sync now' }).click();
  await expect(status(sam)).toContainText('All synced');
  await actionLink(sam, 'H1').click();
  await sam.getByRole('link', { name: 'Change' }).first().click();
  await expect(sam.getByRole('heading', { name: 'This outcome can no longer be changed' })).toBeVisible();
  await expect(sam.getByTestId('quarter-locked')).toContainText(`${quarter.label} was signed off by Jo Bennett`);

  await phone.close();
  await network.close();
  await desk.close();
});
