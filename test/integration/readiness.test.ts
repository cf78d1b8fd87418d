import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { PG_ADMIN_URL, postgresForTests } from '../support/test-database';

/**
 * /healthz says the process answers (a process manager restarts it if not); /readyz says it can
 * also reach its database (a load balancer sends it no phones if not). Losing the database
 * must turn the second to 503 and leave the first alone, or a balancer would keep routing
 * pushes to an instance that can only fail them.
 */
const postgresReady = await postgresForTests();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function expectReadyThenGone(s: TestServer, loseDatabase: () => Promise<void>) {
  expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  const ready = await fetch(`${s.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ok: true });

  await loseDatabase();

  const notReady = await fetch(`${s.url}/readyz`);
  expect(notReady.status).toBe(503);
  expect(await notReady.json()).toEqual({ ok: false });
  expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
}

describe('health and readiness', () => {
  it('on SQLite: ready with its database, not ready (503) but alive once its connection is gone', async () => {
    server = await startTestServer({}, { backend: 'sqlite' });
    const s = server;
    await expectReadyThenGone(s, () => s.storage.close());
  });

  it.skipIf(!postgresReady)('on PostgreSQL: ready with its database, not ready (503) but alive once the database is dropped under it', async () => {
    server = await startTestServer({}, { backend: 'postgres' });
    const name = new URL(server.databaseUrl!).pathname.slice(1);
    await expectReadyThenGone(server, async () => {
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      try {
        // FORCE ends the server's pooled connections too: as when the database host goes away.
        await admin.query(`drop database ${name} with (force)`);
      } finally {
        await admin.end();
      }
    });
  });
});
