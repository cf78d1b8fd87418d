import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * /healthz says the process answers (a process manager restarts it if not); /readyz says it can
 * also reach its database (a load balancer sends it no phones if not). Losing the database
 * must turn the second to 503 and leave the first alone, or a balancer would keep routing
 * pushes to an instance that can only fail them.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('health and readiness', () => {
  it('reports ready with its database, and not ready (503) but alive without it', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });

    // The database goes away under the running server (the connection is closed).
    await server.storage.close();

    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ok: false });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
