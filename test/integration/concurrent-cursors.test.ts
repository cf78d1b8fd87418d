import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR } from '../support/demo';
import { addUser } from '../support/seed-extra';
import { logSessionsInBatches, pullWhileWriting } from '../support/pull-while-writing';
import { createApiClient } from '../../src/app/api/api-client';
import { cookieFetch } from '../support/cookie-fetch';
import { demoPartnershipId } from '../support/demo-partnership';

/**
 * Pull cursors under concurrent writers: eight devices push at once, in several batches each,
 * while a puller reads in small pages. Every outcome must reach the puller exactly once, none
 * skipped, none repeated. SQLite has one writer, so this proves the paging and cursor logic; the
 * PostgreSQL backend runs the same test, where commit order really differs from version order.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('pull cursors with concurrent writers', () => {
  it('deliver every change exactly once', async () => {
    const partnershipId = await demoPartnershipId(server.storage);
    const writers: TestDevice[] = [];
    for (let i = 0; i < 8; i++) {
      const u = await addUser(server.storage, partnershipId, 'officer', `writer-${i}@southandvale.example`);
      const d = await signedInDevice(server.url, u.email, u.password);
      await d.sync.syncNow();
      writers.push(d);
    }
    const reader = createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
    await reader.signIn({ email: COORDINATOR.email, password: COORDINATOR.password });
    const cursor = (await reader.pull(undefined, 5000)).cursor; // start after everything before the test

    const { seen, written: logged } = await pullWhileWriting(
      (from) => reader.pull(from, 7),
      cursor,
      () => Promise.all(writers.map((d) => logSessionsInBatches(d, 5, 5))),
    );

    const all = logged.flat();
    expect(all).toHaveLength(200);
    expect(seen.filter((id) => all.includes(id)).sort()).toEqual([...all].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
