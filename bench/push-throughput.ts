import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApiClient } from '../src/app/api/api-client';
import { logOutcome } from '../src/app/data/log-outcome';
import { pullAll } from '../src/app/sync/pull-changes';
import { pushOutbox, PUSH_BATCH } from '../src/app/sync/push-outbox';
import { DEMO_USERS } from '../src/server/seed/demo-seed';
import { cookieFetch } from '../test/support/cookie-fetch';
import { newTestDb } from '../test/support/fake-db';
import { outcomeFor } from '../test/support/outcomes';
import { killHard, startServerProcess } from '../test/support/server-process';

export interface PushFigures {
  n: number;
  /** Outcomes per second, device → server on loopback → committed (synchronous=FULL). */
  appPerSecond: number;
  /** Outcomes per second, raw batched SQLite inserts of the same rows at the same durability. */
  baselinePerSecond: number;
  ratio: number;
  /** Of the app's time, the share spent waiting for the server's answers (the rest is the device's own IndexedDB work). */
  serverShare: number;
  requests: number;
  maxRequests: number;
  /**
   * Push request bytes per outcome against the outcome's own JSON. Both uncompressed: browsers
   * do not compress request bodies, so this is what crosses the wire.
   */
  wireBytesPerOutcome: number;
  jsonBytesPerOutcome: number;
  wireRatio: number;
}

/**
 * #7 and #8 (on the wire): n outcomes queued on a device (the app's own data layer over
 * fake-indexeddb), then pushed by the app's own push code to the real server, a separate process
 * on loopback with its SQLite file in WAL mode and synchronous=FULL. The baseline inserts the same
 * rows into a bare table with the same pragmas, in transactions of the same batch size: what the
 * disk allows, without Fieldbook's checks, history, audit and bookkeeping. The device here is
 * fake-indexeddb in Node, slower than a phone's IndexedDB: serverShare says how much of the time
 * was the server's.
 */
export async function measurePush(n: number): Promise<PushFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-push-'));
  const server = await startServerProcess({ PORT: '0', DATABASE_PATH: join(dir, 'fieldbook.sqlite'), FIELDBOOK_STATIC_DIR: join(dir, 'none'), SCRYPT_LOG_N: '12' });
  try {
    const jar = cookieFetch();
    let requests = 0;
    let wireBytes = 0;
    let serverMs = 0;
    // The API client always calls fetch with a string address.
    const counting = (async (input: string, init?: RequestInit) => {
      if (!input.includes('/api/sync/push')) return jar(input, init);
      requests++;
      wireBytes += Buffer.byteLength(typeof init?.body === 'string' ? init.body : '');
      const sent = performance.now();
      const response = await jar(input, init);
      serverMs += performance.now() - sent;
      return response;
    }) as typeof fetch;
    const api = createApiClient({ baseUrl: server.url, fetch: counting, timeoutMs: 120_000 });
    const user = await api.signIn({ email: DEMO_USERS.officer.email, password: DEMO_USERS.officer.password });
    const db = newTestDb();
    await pullAll(db, api, user.id);

    const template = await outcomeFor(db, '22');
    const inputs: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const saved = await logOutcome(db, user, { ...template, details: { ...template.details, attendees: 1 + (i % 50) }, notes: `Bench outcome ${i}` }, undefined, { confirmDuplicate: true });
      inputs.push({ id: saved.id, actionId: saved.actionId, type: saved.type, details: saved.details, occurredOn: saved.occurredOn, town: saved.town, location: saved.location, placeId: saved.placeId, notes: saved.notes, recordedAt: saved.recordedAt });
    }

    const started = performance.now();
    const summary = await pushOutbox(db, api);
    const appMs = performance.now() - started;
    if (summary.applied !== n) throw new Error(`push applied ${summary.applied} of ${n}`);

    const baselineMs = rawInserts(join(dir, 'baseline.sqlite'), inputs);
    const jsonBytes = inputs.reduce<number>((sum, o) => sum + Buffer.byteLength(JSON.stringify(o)), 0);
    return {
      n,
      appPerSecond: n / (appMs / 1000),
      baselinePerSecond: n / (baselineMs / 1000),
      ratio: baselineMs / appMs,
      serverShare: serverMs / appMs,
      requests,
      maxRequests: Math.ceil(n / PUSH_BATCH) + 1,
      wireBytesPerOutcome: wireBytes / n,
      jsonBytesPerOutcome: jsonBytes / n,
      wireRatio: wireBytes / jsonBytes,
    };
  } finally {
    await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same rows into a bare table, WAL and synchronous=FULL as the server runs, PUSH_BATCH per transaction; milliseconds. */
function rawInserts(path: string, rows: unknown[]): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table outcomes (id text primary key, body text not null)');
  const insert = db.prepare('insert into outcomes (id, body) values (?, ?)');
  const batch = db.transaction((part: unknown[]) => {
    for (const r of part) insert.run((r as { id: string }).id, JSON.stringify(r));
  });
  const started = performance.now();
  for (let i = 0; i < rows.length; i += PUSH_BATCH) batch(rows.slice(i, i + PUSH_BATCH));
  const ms = performance.now() - started;
  db.close();
  return ms;
}
