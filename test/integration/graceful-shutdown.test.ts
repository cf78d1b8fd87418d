import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killHard, startServerProcess, type ServerProcess } from '../support/server-process';
import { signedInDevice } from '../support/test-device';
import { OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { logOutcome } from '../../src/app/data/log-outcome';
import { deviceId } from '../../src/app/sync/device-id';
import { openSqliteStorage } from '../../src/server/storage/sqlite';
import { PushResponse } from '../../src/domain/sync/push';

/**
 * A process manager stops the server with SIGTERM (a deploy, a reboot). A push already being
 * received must still be applied, committed and answered — the phone forgets its copy only when
 * told — while new connections are refused, and the process then exits 0.
 *
 * The push is sent by hand so that it is certainly in flight when the signal lands: its headers
 * reach the server (which logs "incoming request"), then SIGTERM, then the rest of its body.
 */
const dir = mkdtempSync(join(tmpdir(), 'fieldbook-shutdown-'));
const dbPath = join(dir, 'fieldbook.sqlite');
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) await killHard(server);
  rmSync(dir, { recursive: true, force: true });
});

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });

describe('graceful shutdown', () => {
  it('finishes and commits a push in flight, refuses new connections, and exits 0', async () => {
    server = await startServerProcess({ PORT: '0', LOG_LEVEL: 'info', DATABASE_PATH: dbPath, FIELDBOOK_STATIC_DIR: join(dir, 'none'), SCRYPT_LOG_N: '12' });
    const { child, port } = server;
    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));

    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await device.sync.syncNow();
    const base = await outcomeFor(device.db, '22');
    for (let i = 0; i < 200; i++)
      await logOutcome(device.db, device.user, { ...base, notes: `in flight at shutdown #${i}` }, undefined, { confirmDuplicate: true });
    const entries = await device.db.outbox.orderBy('seq').toArray();
    const body = Buffer.from(JSON.stringify({ deviceId: await deviceId(device.db), mutations: entries.map(({ seq, kind, args }) => ({ seq, kind, args })) }));

    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/sync/push',
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        cookie: [...device.fetch.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.once('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.once('error', reject);
    });
    req.write(body.subarray(0, body.length / 2));
    await until('the server has the push', () => log.includes('"url":"/api/sync/push"'));

    const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
    child.kill('SIGTERM');
    await until('new connections are refused', () => refusesConnections(port));
    // Refused while the push is still open: the process is alive, waiting for it.
    expect(child.exitCode).toBeNull();

    req.end(body.subarray(body.length / 2));
    const { status, text } = await answered;
    expect(status).toBe(200);
    const response = PushResponse.parse(JSON.parse(text));
    expect(response.results.filter((r) => r.status === 'applied')).toHaveLength(200);
    expect(await exited).toEqual({ code: 0, signal: null });
    server = undefined;

    // Committed: the database, opened afresh, holds all 200.
    const storage = await openSqliteStorage(dbPath);
    try {
      const partnershipId = device.user.memberships[0]!.partnershipId;
      const stored = await storage.transaction((tx) => tx.outcomes.list(partnershipId));
      expect(stored.filter((o) => o.notes?.startsWith('in flight at shutdown #'))).toHaveLength(200);
    } finally {
      await storage.close();
    }
  }, 120_000);
});
