import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR } from '../support/demo';
import { addUser } from '../support/seed-extra';
import { outcomeFor } from '../support/outcomes';
import { logOutcome } from '../../src/app/data/log-outcome';
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
    let cursor = (await reader.pull(undefined, 5000)).cursor; // start after everything before the test

    const seen: string[] = [];
    let writing = true;
    const reading = (async () => {
      for (;;) {
        const page = await reader.pull(cursor, 7);
        seen.push(...page.changes.outcomes.map((o) => o.id));
        cursor = page.cursor;
        if (!page.more && !writing) return;
      }
    })();
    const logged = await Promise.all(
      writers.map(async (d) => {
        const ids: string[] = [];
        const values = await outcomeFor(d.db, '22');
        for (let batch = 0; batch < 5; batch++) {
          // Many sessions the same day in the same town: each confirmed as a real one.
          for (let i = 0; i < 5; i++) {
            const details = { ...values.details, attendees: batch * 5 + i + 1 };
            ids.push((await logOutcome(d.db, d.user, { ...values, details }, undefined, { confirmDuplicate: true })).id);
          }
          await d.sync.syncNow();
        }
        return ids;
      }),
    );
    writing = false;
    await reading;

    const all = logged.flat();
    expect(all).toHaveLength(200);
    expect(seen.filter((id) => all.includes(id)).sort()).toEqual([...all].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
