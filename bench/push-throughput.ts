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
import { median } from './median';
import { SchemaFloor, type PushedOutcome } from './push-schema-floor';

export interface PushRun {
  appMs: number;
  baselineMs: number;
  /** Baseline time over app time: 1 would be as fast as raw inserts. */
  ratio: number;
  /** Of the app's time, the share spent waiting for the server's answers. */
  serverShare: number;
  requests: number;
  /** Reference only: the same outcome and audit rows raw-inserted into Fieldbook's own schema (push-schema-floor.ts). */
  schemaFloorMs: number;
  schemaFloorRatio: number;
}

export interface PushFigures {
  n: number;
  runs: PushRun[];
  /** Medians over the measured runs (the warm-up run is left out). */
  appPerSecond: number;
  baselinePerSecond: number;
  ratio: number;
  serverShare: number;
  /**
   * Reference, not the goal's baseline: the outcome and audit rows raw-inserted into Fieldbook's
   * own schema, same batches and durability, and the app's time against it (median ratio).
   */
  schemaFloorPerSecond: number;
  schemaFloorRatio: number;
  /** The most requests any run needed. */
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
 * "push outcomes" and "bytes on the wire": n outcomes queued on a device (the app's own data layer over
 * fake-indexeddb), then pushed by the app's own push code to the real server, a separate process
 * on loopback with its SQLite file in WAL mode and synchronous=FULL. The baseline inserts the same
 * rows into a bare table with the same pragmas, in transactions of the same batch size: what the
 * disk allows, without Fieldbook's checks, history, audit and bookkeeping.
 *
 * One warm-up run, then `runs` measured ones, each pushing a fresh device's queue to the same
 * server (so its code is warm and its database grows as in use) and then inserting the same rows
 * into the baseline's file (which grows alike). Each run's ratio is taken within the run, so a
 * busy machine slows both sides of it; the figures are the medians. The device is fake-indexeddb
 * in Node, slower than a phone's IndexedDB: serverShare says how much of the time was the server's.
 */
export async function measurePush(n: number, runs = 5): Promise<PushFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-push-'));
  const server = await startServerProcess({
    PORT: '0',
    DATABASE_PATH: join(dir, 'fieldbook.sqlite'),
    FIELDBOOK_STATIC_DIR: join(dir, 'none'),
    SCRYPT_LOG_N: '12',
  });
  const baseline = openBaseline(join(dir, 'baseline.sqlite'));
  const floor = await SchemaFloor.open(join(dir, 'schema-floor.sqlite'), PUSHED_REF);
  try {
    const measured: PushRun[] = [];
    let wire = { bytes: 0, json: 0 };
    for (let run = 0; run <= runs; run++) {
      const one = await pushRun(server.url, n, baseline, floor);
      if (run === 0) continue; // warm-up
      measured.push(one.figures);
      wire = { bytes: wire.bytes + one.wireBytes, json: wire.json + one.jsonBytes };
    }
    return {
      n,
      runs: measured,
      appPerSecond: median(measured.map((r) => n / (r.appMs / 1000))),
      baselinePerSecond: median(measured.map((r) => n / (r.baselineMs / 1000))),
      ratio: median(measured.map((r) => r.ratio)),
      serverShare: median(measured.map((r) => r.serverShare)),
      schemaFloorPerSecond: median(measured.map((r) => n / (r.schemaFloorMs / 1000))),
      schemaFloorRatio: median(measured.map((r) => r.schemaFloorRatio)),
      requests: Math.max(...measured.map((r) => r.requests)),
      maxRequests: Math.ceil(n / PUSH_BATCH) + 1,
      wireBytesPerOutcome: wire.bytes / (n * runs),
      jsonBytesPerOutcome: wire.json / (n * runs),
      wireRatio: wire.bytes / wire.json,
    };
  } finally {
    baseline.close();
    floor.close();
    await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One device signs in, pulls the plan, queues n outcomes, and pushes them; then the baseline inserts the same rows. */
async function pushRun(url: string, n: number, baseline: Database.Database, floor: SchemaFloor) {
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
  const api = createApiClient({ baseUrl: url, fetch: counting, timeoutMs: 120_000 });
  const user = await api.signIn({ email: DEMO_USERS.officer.email, password: DEMO_USERS.officer.password });
  const db = newTestDb();
  await pullAll(db, api, user.id);

  const template = await outcomeFor(db, PUSHED_REF);
  const inputs: PushedOutcome[] = [];
  for (let i = 0; i < n; i++) {
    const saved = await logOutcome(
      db,
      user,
      { ...template, details: { ...template.details, attendees: 1 + (i % 50) }, notes: `Bench outcome ${i}` },
      undefined,
      { confirmDuplicate: true },
    );
    inputs.push({
      id: saved.id,
      actionId: saved.actionId,
      type: saved.type,
      details: saved.details,
      occurredOn: saved.occurredOn,
      town: saved.town,
      location: saved.location,
      placeId: saved.placeId,
      notes: saved.notes,
      recordedAt: saved.recordedAt,
    });
  }

  const started = performance.now();
  const summary = await pushOutbox(db, api);
  const appMs = performance.now() - started;
  if (summary.applied !== n) throw new Error(`push applied ${summary.applied} of ${n}`);
  db.close();

  const baselineMs = rawInserts(baseline, inputs);
  const schemaFloorMs = floor.insert(inputs, PUSH_BATCH);
  const jsonBytes = inputs.reduce<number>((sum, o) => sum + Buffer.byteLength(JSON.stringify(o)), 0);
  return {
    figures: { appMs, baselineMs, ratio: baselineMs / appMs, serverShare: serverMs / appMs, requests, schemaFloorMs, schemaFloorRatio: schemaFloorMs / appMs },
    wireBytes,
    jsonBytes,
  };
}

/** The action the pushed outcomes are logged against (a training session, in the demo plan). */
const PUSHED_REF = '22';

/** A bare table, WAL and synchronous=FULL as the server runs. */
function openBaseline(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table outcomes (id text primary key, body text not null)');
  return db;
}

/** The same rows into the bare table, PUSH_BATCH per transaction; milliseconds. */
function rawInserts(db: Database.Database, rows: unknown[]): number {
  const insert = db.prepare('insert into outcomes (id, body) values (?, ?)');
  const batch = db.transaction((part: unknown[]) => {
    for (const r of part) insert.run((r as { id: string }).id, JSON.stringify(r));
  });
  const started = performance.now();
  for (let i = 0; i < rows.length; i += PUSH_BATCH) batch(rows.slice(i, i + PUSH_BATCH));
  return performance.now() - started;
}
