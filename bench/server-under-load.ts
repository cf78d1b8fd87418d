import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../src/app/api/api-client';
import { logOutcome } from '../src/app/data/log-outcome';
import { pullAll } from '../src/app/sync/pull-changes';
import { PUSH_BATCH } from '../src/app/sync/push-outbox';
import { hashPassword } from '../src/server/auth/password';
import { DEMO_PARTNERSHIP, DEMO_USERS, seedDemoIfEmpty } from '../src/server/seed/demo-seed';
import { openSqliteStorage } from '../src/server/storage/sqlite';
import { cookieFetch } from '../test/support/cookie-fetch';
import { newTestDb } from '../test/support/fake-db';
import { outcomeFor } from '../test/support/outcomes';
import { killHard, startServerProcess, type ServerProcess } from '../test/support/server-process';
import { TEST_SCRYPT } from '../test/support/test-server';
import { median, percentile } from './median';

export interface LoadFigures {
  devices: number;
  /** Outcomes the devices pushed together (the idle measurement's come on top: outcomesStored). */
  outcomes: number;
  outcomesStored: number;
  /** Resident memory of the server process, after a full garbage collection. */
  idleRssMiB: number;
  loadedRssMiB: number;
  rssRatio: number;
  /** One device pushing PUSH_BATCH outcomes at a time to the otherwise idle server: median of idlePushes after a warm-up. */
  idlePushes: number;
  idleP50Ms: number;
  idleP99Ms: number;
  /** Every push of the devices pushing at once. */
  loadPushes: number;
  loadP50Ms: number;
  loadP99Ms: number;
  loadMaxMs: number;
  /** The slowest device's mean push against the fastest's: how evenly the server shared itself out. */
  deviceSpread: number;
  /** Outcomes committed per second while the devices pushed at once. */
  loadPerSecond: number;
  p99Ratio: number;
}

const PASSWORD = 'bench-device-password';

/**
 * "server memory" and "push under load": the real server process on a temporary SQLite file (WAL, synchronous=FULL). Its resident
 * memory is read idle, then `devices` officers, each with their own account, session and device
 * id, push `outcomes` between them at once, PUSH_BATCH at a time as the app does, and memory is
 * read again; both after a full GC (bench/serve-with-gc.ts), so they compare what is kept, not
 * garbage not yet collected. Push latency under that load is set against the same push from one
 * device to the idle server. The outcomes are built from one the app's own data layer queued,
 * with fresh ids, and sent by the app's API client.
 */
export async function measureServerUnderLoad(outcomes: number, devices = 50, idlePushes = 10): Promise<LoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-load-'));
  const databasePath = join(dir, 'fieldbook.sqlite');
  const emails = await addOfficers(databasePath, devices);
  const server = await startServerProcess(
    { PORT: '0', DATABASE_PATH: databasePath, FIELDBOOK_STATIC_DIR: join(dir, 'none'), SCRYPT_LOG_N: String(TEST_SCRYPT.logN), NODE_OPTIONS: '--expose-gc' },
    [],
    'bench/serve-with-gc.ts',
  );
  try {
    const template = await queuedOutcomeArgs(server.url);
    const pushers: Pusher[] = [];
    for (const email of emails) pushers.push(await signedInPusher(server.url, email, template));

    const idleRss = await rssAfterGc(server);
    const idle: number[] = [];
    for (let i = 0; i <= idlePushes; i++) {
      const ms = await pushers[0]!.push(PUSH_BATCH);
      if (i > 0) idle.push(ms); // the first is the warm-up
    }

    const perDevice = Math.ceil(outcomes / devices);
    const loadStarted = performance.now();
    const byDevice = await Promise.all(
      pushers.map(async (p) => {
        const mine: number[] = [];
        for (let sent = 0; sent < perDevice; sent += PUSH_BATCH) mine.push(await p.push(Math.min(PUSH_BATCH, perDevice - sent)));
        return mine;
      }),
    );
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const latencies = byDevice.flat();
    const deviceMeans = byDevice.map((mine) => mine.reduce((a, b) => a + b, 0) / mine.length);
    const loadedRss = await rssAfterGc(server);

    const idleP99 = percentile(idle, 0.99);
    const loadP99 = percentile(latencies, 0.99);
    return {
      devices,
      outcomes: perDevice * devices,
      outcomesStored: perDevice * devices + PUSH_BATCH * (idlePushes + 1),
      idleRssMiB: idleRss / 2 ** 20,
      loadedRssMiB: loadedRss / 2 ** 20,
      rssRatio: loadedRss / idleRss,
      idlePushes: idle.length,
      idleP50Ms: median(idle),
      idleP99Ms: idleP99,
      loadPushes: latencies.length,
      loadP50Ms: median(latencies),
      loadP99Ms: loadP99,
      loadMaxMs: Math.max(...latencies),
      deviceSpread: Math.max(...deviceMeans) / Math.min(...deviceMeans),
      loadPerSecond: (perDevice * devices) / loadSeconds,
      p99Ratio: loadP99 / idleP99,
    };
  } finally {
    await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seeds the demo and adds officers to its partnership, before the server starts: hashing passwords is not what is measured. */
async function addOfficers(databasePath: string, count: number): Promise<string[]> {
  const storage = await openSqliteStorage(databasePath);
  try {
    await seedDemoIfEmpty(storage, TEST_SCRYPT);
    const passwordHash = await hashPassword(PASSWORD, TEST_SCRYPT);
    const emails = Array.from({ length: count }, (_, i) => `bench-officer-${i + 1}@southandvale.example`);
    await storage.transaction(async (tx) => {
      const partnership = await tx.plans.findPartnership(DEMO_PARTNERSHIP);
      if (!partnership) throw new Error('the demo partnership was not seeded');
      for (const [i, email] of emails.entries()) {
        const id = randomUUID();
        await tx.accounts.insertUser({ id, email, name: `Bench Officer ${i + 1}`, passwordHash, active: true, createdAt: new Date().toISOString() });
        await tx.accounts.insertMembership({ userId: id, partnershipId: partnership.id, role: 'officer', jobTitle: 'Community Safety Officer' });
      }
    });
    return emails;
  } finally {
    await storage.close();
  }
}

/** The args of an outcome.create as the app queues it: one outcome logged through its data layer on a device that pulled the plan. */
async function queuedOutcomeArgs(url: string): Promise<Record<string, unknown>> {
  const api = createApiClient({ baseUrl: url, fetch: cookieFetch(), timeoutMs: 120_000 });
  const user = await api.signIn({ email: DEMO_USERS.officer.email, password: DEMO_USERS.officer.password });
  const db = newTestDb();
  await pullAll(db, api, user.id);
  const template = await outcomeFor(db, '22');
  await logOutcome(db, user, template, undefined, { confirmDuplicate: true });
  const [entry] = await db.outbox.toArray();
  db.close();
  if (!entry || entry.kind !== 'outcome.create') throw new Error('logging an outcome queued no outcome.create');
  return entry.args as Record<string, unknown>;
}

interface Pusher {
  /** Pushes n new outcomes in one request; the milliseconds until the answer. */
  push(n: number): Promise<number>;
}

async function signedInPusher(url: string, email: string, template: Record<string, unknown>): Promise<Pusher> {
  const api: ApiClient = createApiClient({ baseUrl: url, fetch: cookieFetch(), timeoutMs: 120_000 });
  await api.signIn({ email, password: PASSWORD });
  const deviceId = randomUUID();
  let seq = 0;
  return {
    async push(n) {
      const mutations = Array.from({ length: n }, () => ({
        seq: ++seq,
        kind: 'outcome.create',
        args: { ...template, id: randomUUID(), notes: `Load outcome ${seq}` },
      }));
      const started = performance.now();
      const response = await api.push({ deviceId, mutations });
      const ms = performance.now() - started;
      const applied = response.results.filter((r) => r.status === 'applied').length;
      if (applied !== n) throw new Error(`${email}: ${applied} of ${n} applied: ${JSON.stringify(response.results.find((r) => r.status !== 'applied'))}`);
      return ms;
    },
  };
}

/** The server's resident set size in bytes, read from /proc after it has collected its garbage. */
async function rssAfterGc(server: ServerProcess): Promise<number> {
  const done = new Promise<void>((resolve) => {
    const listen = (d: Buffer) => {
      if (!d.toString().includes('gc-done')) return;
      server.child.stdout?.off('data', listen);
      resolve();
    };
    server.child.stdout?.on('data', listen);
  });
  server.child.kill('SIGUSR2');
  await done;
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'));
  if (!kb) throw new Error('no VmRSS in /proc: resident memory can only be read on Linux');
  return Number(kb[1]) * 1024;
}
