import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { actionLink, logChampionsTraining, logHotelWatchTraining, openLogForm } from './support/outcome-form';
import { outcomesOnServer } from './support/server-api';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

const { officer, coordinator } = DEMO_USERS;
const status = (page: Page) => page.getByTestId('sync-status');

/** From anywhere in the app: opens the action and logs a Hotel Watch (ref 19) or Safe Places champions (ref 3) session. */
async function logOutcome(page: Page, ref: '19' | '3', notes: string, attendees: number, town = 'Didcot') {
  await page.getByRole('link', { name: 'My actions' }).click();
  await openLogForm(page, ref);
  await (ref === '19' ? logHotelWatchTraining : logChampionsTraining)(page, { attendees, town, notes });
}

async function signedInPhone(openPhone: () => Promise<BrowserContext>, url: string) {
  const context = await openPhone();
  const page = await firstPage(context);
  await page.goto(url);
  await signIn(page, officer);
  await expect(status(page)).toContainText('All synced');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page };
}

test('two tabs logging offline, then coming online, give no duplicates', async ({ fieldbook, openPhone }) => {
  const { context, page: tab1 } = await signedInPhone(openPhone, fieldbook.url);
  const tab2 = await context.newPage();
  await tab2.goto(fieldbook.url);
  await expect(tab2.getByRole('heading', { name: 'My actions' })).toBeVisible();

  await context.setOffline(true);
  // The officer works in whichever tab is in front (Chromium throttles a background tab's frames).
  await tab1.bringToFront();
  await logOutcome(tab1, '19', 'from the first tab', 2);
  await tab2.bringToFront();
  await logOutcome(tab2, '3', 'from the second tab', 5);
  // Each tab sees the other's work live, through IndexedDB.
  await expect(status(tab1)).toContainText('2 outcomes waiting');
  await expect(status(tab2)).toContainText('2 outcomes waiting');

  await context.setOffline(false);
  await expect(status(tab1)).toContainText('All synced', { timeout: 30_000 });
  await expect(status(tab2)).toContainText('All synced', { timeout: 30_000 });
  const onServer = await outcomesOnServer(fieldbook.url, coordinator.email, coordinator.password);
  expect(onServer.map((o) => o.notes).sort()).toEqual(['from the first tab', 'from the second tab']);
});

test('closing the browser in the middle of a push, then reopening it, finishes the queue exactly once', async ({ fieldbook, openPhone }) => {
  const { context, page } = await signedInPhone(openPhone, fieldbook.url);
  await context.setOffline(true);
  // Three towns: the same type, action, day and town again would (rightly) stop at the duplicate guard.
  for (const [n, town] of [
    [1, 'Didcot'],
    [2, 'Thame'],
    [3, 'Wantage'],
  ] as const)
    await logOutcome(page, '19', `session ${n}`, n, town);
  await expect(status(page)).toContainText('3 outcomes waiting');

  // The push reaches the server and commits; the browser closes before the answer arrives.
  let closing: Promise<void> | undefined;
  await context.route('**/api/sync/push', async (route) => {
    await route.fetch();
    closing = context.close();
  });
  await context.setOffline(false);
  await expect.poll(() => closing !== undefined, { timeout: 30_000 }).toBe(true);
  await closing;
  expect((await outcomesOnServer(fieldbook.url, coordinator.email, coordinator.password)).length).toBe(3);

  // Opened again: the queue was kept, goes again, and the server reports it already applied.
  const reopened = await openPhone();
  const again = await firstPage(reopened);
  await again.goto(fieldbook.url);
  await expect(status(again)).toContainText('All synced', { timeout: 30_000 });
  const onServer = await outcomesOnServer(fieldbook.url, coordinator.email, coordinator.password);
  expect(onServer.map((o) => o.notes).sort()).toEqual(['session 1', 'session 2', 'session 3']);
});

test('a new app version opened over the previous database schema keeps a non-empty outbox and sends it', async ({ fieldbook, openPhone }) => {
  const context = await openPhone();
  const page = await firstPage(context);
  // Same origin, but no app code: the previous release's database is written by hand, below.
  await page.goto(`${fieldbook.url}/healthz`);
  const user = (await (await context.request.post(`${fieldbook.url}/api/session`, { data: { email: officer.email, password: officer.password } })).json())
    .user as { id: string; name: string };
  const plan = (await (await context.request.get(`${fieldbook.url}/api/sync/pull?limit=5000`)).json()).changes as Record<string, Record<string, unknown>[]>;
  // A measure this release counts plain activities toward ("service user feedback"): what every
  // outcome of the old shape becomes on upgrade (v3), so the server takes it as it is queued.
  const action = plan.actions!.find((a) => a.ref === '16')!;
  const measure = plan.measures!.find((m) => m.actionId === action.id && m.position === 1)!;
  expect((measure.tally as { outcomeType: string }).outcomeType).toBe('activity');
  const v1Schema = JSON.parse(readFileSync(new URL('../fixtures/dexie-schema-v1.json', import.meta.url), 'utf8')) as Record<string, string>;
  const outcomeId = crypto.randomUUID();
  const input = {
    id: outcomeId,
    actionId: action.id,
    measureId: measure.id,
    occurredOn: '2026-11-21',
    quantity: 9,
    town: 'Thame',
    notes: 'waiting when the app was updated',
    recordedAt: '2026-11-21T15:00:00.000Z',
  };
  // The v1 record shapes, exactly as the foundation release wrote them (test/fixtures/dexie-v1-data.json):
  // a measure's tally was a count or a sum, an outcome one measure and a quantity.
  const v1Tally = (t: { figures: { kind: string; label: string }[] }) =>
    t.figures[0]!.kind === 'sum' ? { kind: 'sum', unit: t.figures[0]!.label } : { kind: 'count' };
  const v1: Record<string, unknown[]> = {
    ...plan,
    measures: plan.measures!.map((m) => ({ ...m, tally: v1Tally(m.tally as Parameters<typeof v1Tally>[0]) })),
    outcomes: [
      {
        ...input,
        partnershipId: (plan.partnerships![0] as { id: string }).id,
        authorId: user.id,
        authorName: user.name,
        receivedAt: null,
        syncState: 'pending',
      },
    ],
    outbox: [{ seq: 1, kind: 'outcome.create', args: input, outcomeId, createdAt: input.recordedAt }],
    meta: [
      { key: 'deviceId', value: crypto.randomUUID() },
      { key: 'nextSeq', value: 2 },
    ],
  };
  await page.evaluate(
    async ({ name, schema, data, sessionUser }) => {
      // Dexie stores its version n as IndexedDB version n × 10.
      const open = indexedDB.open(name, 10);
      open.onupgradeneeded = () => {
        for (const [store, spec] of Object.entries(schema)) {
          const [key, ...indexes] = spec.split(',').map((x) => x.trim());
          const os = open.result.createObjectStore(store, { keyPath: key });
          for (const index of indexes) {
            const multi = index.startsWith('*');
            const field = index.replace('*', '');
            os.createIndex(field, field, { multiEntry: multi });
          }
        }
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(`Could not open ${name}: ${String(open.error)}`));
      });
      const tx = db.transaction(Object.keys(schema), 'readwrite');
      for (const store of Object.keys(schema)) for (const row of data[store] ?? []) tx.objectStore(store).put(row);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      localStorage.setItem('fieldbook.user.v1', JSON.stringify(sessionUser));
    },
    {
      name: `fieldbook-user-${user.id}`,
      schema: v1Schema,
      data: v1,
      sessionUser: (await (await context.request.get(`${fieldbook.url}/api/session`)).json()).user as unknown,
    },
  );

  // This release opens it: Dexie upgrades v1 to v2 to v3 (the queued outcome becomes an activity
  // of 9) and on to the newest (v8, areas and organisations), and sync sends what was waiting.
  await page.goto(fieldbook.url);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(status(page)).toContainText('All synced', { timeout: 30_000 });
  const onServer = await outcomesOnServer(fieldbook.url, coordinator.email, coordinator.password);
  expect(onServer).toEqual([
    expect.objectContaining({ id: outcomeId, type: 'activity', details: { quantity: 9 }, town: 'Thame', notes: 'waiting when the app was updated' }),
  ]);
  expect(onServer[0]).not.toHaveProperty('quantity');
  expect(onServer[0]).not.toHaveProperty('measureId');
  expect(
    await page.evaluate(
      async (name) => (await new Promise<IDBDatabase>((r) => (indexedDB.open(name).onsuccess = (e) => r((e.target as IDBOpenDBRequest).result)))).version,
      `fieldbook-user-${user.id}`,
    ),
  ).toBe(80);
  // The plan pulled again after the upgrade puts the server's tallies back over the converted ones.
  await actionLink(page, '16').click();
  await expect(page.getByTestId('measure-0')).toContainText('Counts workshop, event or campaign outcomes');
  await expect(page.getByTestId('measure-1').getByTestId('measure-tally')).toContainText('1 outcome');
});
