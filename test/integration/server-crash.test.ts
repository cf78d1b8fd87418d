import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killHard, startServerProcess, type ServerProcess } from '../support/server-process';
import { signedInDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { logOutcome } from '../../src/app/data/log-outcome';
import { createApiClient } from '../../src/app/api/api-client';
import { cookieFetch } from '../support/cookie-fetch';

/**
 * The server process killed with SIGKILL in the middle of pushes, and restarted on the same
 * database. SQLite runs in WAL mode with synchronous=FULL (docs/decisions/0004): a commit the
 * device was told about survives, and a push killed mid-transaction leaves nothing of itself.
 * The device, which heard nothing back, sends again; the server's per-device sequence numbers
 * make that safe. Nothing lost, nothing doubled.
 */
const dir = mkdtempSync(join(tmpdir(), 'fieldbook-crash-'));
const env = { DATABASE_PATH: join(dir, 'fieldbook.sqlite'), FIELDBOOK_STATIC_DIR: join(dir, 'none'), SCRYPT_LOG_N: '12' };
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) await killHard(server);
  rmSync(dir, { recursive: true, force: true });
});

async function countOnServer(url: string): Promise<{ total: number; distinct: number }> {
  const f = cookieFetch();
  const api = createApiClient({ baseUrl: url, fetch: f });
  await api.signIn({ email: COORDINATOR.email, password: COORDINATOR.password });
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await api.pull(cursor, 5000);
    ids.push(...page.changes.outcomes.map((o) => o.id));
    cursor = page.cursor;
    if (!page.more) return { total: ids.length, distinct: new Set(ids).size };
  }
}

describe('the server killed mid-push', () => {
  it('loses nothing and doubles nothing after restarts', async () => {
    server = await startServerProcess({ ...env, PORT: '0' });
    const port = String(server.port);
    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await device.sync.syncNow();
    const base = await outcomeFor(device.db, '22');

    let logged = 0;
    let interrupted = 0;
    for (const killAfterMs of [5, 25, 60, 120]) {
      for (let i = 0; i < 150; i++) {
        const details = { ...base.details, attendees: 1 + (i % 40) };
        await logOutcome(device.db, device.user, { ...base, details, notes: `batch ${killAfterMs} #${i}` }, undefined, { confirmDuplicate: true });
      }
      logged += 150;
      // Push, and pull the plug part-way through.
      const pushing = device.sync.syncNow();
      await new Promise((r) => setTimeout(r, killAfterMs));
      await killHard(server);
      await pushing; // the device sees a network failure and keeps its queue
      if (device.sync.getSnapshot().problem !== null) interrupted++;
      server = await startServerProcess({ ...env, PORT: port });
    }
    await device.sync.syncNow();

    // The kills really landed during pushes (not after them), or this test proves nothing.
    expect(interrupted).toBeGreaterThanOrEqual(2);
    expect(await device.db.outbox.count()).toBe(0);
    expect(await countOnServer(server.url)).toEqual({ total: logged, distinct: logged });
    // Five server processes start here, each compiling the server at start: on a busy two-core
    // machine that alone can take most of the suite's default 30 s. A budget, not a measurement.
  }, 180_000);
});
