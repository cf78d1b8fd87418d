import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { cookieFetch } from '../support/cookie-fetch';
import { newTestDb } from '../support/fake-db';
import { OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { createApiClient } from '../../src/app/api/api-client';
import { SyncEngine } from '../../src/app/sync/sync-engine';
import { logOutcome } from '../../src/app/data/log-outcome';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A browser: one cookie jar, which outlives any one device database in it. */
async function browser() {
  const f = cookieFetch();
  const api = createApiClient({ baseUrl: server.url, fetch: f });
  const user = await api.signIn({ email: OFFICER.email, password: OFFICER.password });
  /** A fresh Fieldbook database in this browser, as after first sign-in or after eviction. */
  const freshDatabase = async () => {
    const db = newTestDb();
    const sync = new SyncEngine({ db, api, userId: user.id, onSignInNeeded: () => undefined });
    await sync.syncNow();
    return { db, sync };
  };
  return { f, api, user, freshDatabase };
}

describe('a device database the browser threw away', () => {
  it('is noticed on the next first sync in the same browser, once, with its last contact', async () => {
    const phone = await browser();
    const first = await phone.freshDatabase();
    await logOutcome(first.db, phone.user, await outcomeFor(first.db, '22'));
    await first.sync.syncNow();
    expect(await first.db.meta.get('lostDevice')).toBeUndefined();

    // The browser evicts IndexedDB and localStorage; its cookies stay.
    const second = await phone.freshDatabase();
    const notice = JSON.parse(String((await second.db.meta.get('lostDevice'))?.value)) as { lastSeenAt: string; lastAppliedSeq: number };
    expect(notice.lastAppliedSeq).toBe(1);
    expect(Date.parse(notice.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    // What had synced is back.
    expect(await second.db.outcomes.count()).toBeGreaterThanOrEqual(1);

    const third = await phone.freshDatabase();
    expect(await third.db.meta.get('lostDevice')).toBeUndefined();
  });

  it('is not reported for a database that never sent anything, another browser, or after signing out', async () => {
    const phone = await browser();
    await phone.freshDatabase(); // pulled, never pushed
    expect(await (await phone.freshDatabase()).db.meta.get('lostDevice')).toBeUndefined();

    const used = await phone.freshDatabase();
    // Same officer, day, town and type as an earlier test's outcome (on the server): confirmed as another.
    await logOutcome(used.db, phone.user, await outcomeFor(used.db, '22'), undefined, { confirmDuplicate: true });
    await used.sync.syncNow();
    const laptop = await browser();
    expect(await (await laptop.freshDatabase()).db.meta.get('lostDevice')).toBeUndefined();

    // Signing out deletes the database on purpose, and forgets the device.
    await phone.api.signOut();
    await phone.api.signIn({ email: OFFICER.email, password: OFFICER.password });
    expect(await (await phone.freshDatabase()).db.meta.get('lostDevice')).toBeUndefined();
  });
});
