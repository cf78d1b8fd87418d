import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, firstPage, signIn, test } from './support/fixtures';
import { outcomesOnServer } from './support/server-api';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';

const { officer, coordinator } = DEMO_USERS;
const status = (page: Page) => page.getByTestId('sync-status');

async function logOutcome(page: Page, ref: string, measure: string, notes: string, howMany?: string) {
  await page.getByRole('link', { name: 'My actions' }).click();
  await page.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).first().click();
  await page.getByRole('link', { name: 'Log an outcome' }).click();
  await page.getByLabel(measure, { exact: true }).check();
  if (howMany) await page.getByLabel('How many?').fill(howMany);
  await page.getByLabel('Didcot', { exact: true }).check();
  await page.getByLabel('Notes (optional)').fill(notes);
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await expect(page.getByText('Outcome saved on this phone.')).toBeVisible();
}
const SESSIONS = 'number of training sessions held, number of attendees and location';
const CHAMPIONS = "training delivered for safe place 'champions'";

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
  await logOutcome(tab1, '19', SESSIONS, 'from the first tab', '2');
  await logOutcome(tab2, '3', CHAMPIONS, 'from the second tab');
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
  for (const n of [1, 2, 3]) await logOutcome(page, '19', SESSIONS, `session ${n}`, String(n));
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
  const user = (await (await context.request.post(`${fieldbook.url}/api/session`, { data: { email: officer.email, password: officer.password } })).json()).user as { id: string; name: string };
  const plan = (await (await context.request.get(`${fieldbook.url}/api/sync/pull?limit=5000`)).json()).changes as Record<string, { id: string; ref?: string; actionId?: string; position?: number }[]>;
  const action = plan.actions!.find((a) => a.ref === '22')!;
  const measure = plan.measures!.find((m) => m.actionId === action.id && m.position === 0)!;
  const v1Schema = JSON.parse(readFileSync(new URL('../fixtures/dexie-schema-v1.json', import.meta.url), 'utf8')) as Record<string, string>;
  const outcomeId = crypto.randomUUID();
  const input = { id: outcomeId, actionId: action.id, measureId: measure.id, occurredOn: '2026-11-21', quantity: 9, town: 'Thame', notes: 'waiting when the app was updated', recordedAt: '2026-11-21T15:00:00.000Z' };
  // The v1 record shapes, exactly as the foundation release wrote them (test/fixtures/dexie-v1-data.json).
  const v1: Record<string, unknown[]> = {
    ...plan,
    outcomes: [{ ...input, partnershipId: (plan.partnerships![0] as { id: string }).id, authorId: user.id, authorName: user.name, receivedAt: null, syncState: 'pending' }],
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
    { name: `fieldbook-user-${user.id}`, schema: v1Schema, data: v1, sessionUser: (await (await context.request.get(`${fieldbook.url}/api/session`)).json()).user as unknown },
  );

  // This release opens it: Dexie upgrades v1 to v2, and sync sends what was waiting.
  await page.goto(fieldbook.url);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await expect(status(page)).toContainText('All synced', { timeout: 30_000 });
  const onServer = await outcomesOnServer(fieldbook.url, coordinator.email, coordinator.password);
  expect(onServer).toEqual([expect.objectContaining({ id: outcomeId, quantity: 9, notes: 'waiting when the app was updated' })]);
  expect(await page.evaluate(async (name) => (await new Promise<IDBDatabase>((r) => (indexedDB.open(name).onsuccess = (e) => r((e.target as IDBOpenDBRequest).result)))).version, `fieldbook-user-${user.id}`)).toBe(20);
});
