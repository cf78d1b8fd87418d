import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server';
import { createPgDatabase, postgresForTests, type TestPgDatabase } from '../support/test-database';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { addUser } from '../support/seed-extra';
import { outcomeFor } from '../support/outcomes';
import { logSessionsInBatches, pullWhileWriting } from '../support/pull-while-writing';
import { cookieFetch } from '../support/cookie-fetch';
import { demoPartnershipId } from '../support/demo-partnership';
import { logOutcome } from '../../src/app/data/log-outcome';
import { createApiClient } from '../../src/app/api/api-client';
import { ApiError } from '../../src/app/api/api-errors';
import { deviceId } from '../../src/app/sync/device-id';

/**
 * Several stateless instances on one PostgreSQL database (the county deployment): any request
 * may reach any instance. Sessions, throttle counters and sync state live in the database, and
 * pull cursors skip nothing although PostgreSQL, unlike SQLite, runs writers side by side.
 */
const postgresReady = await postgresForTests();

describe.skipIf(!postgresReady)('two instances on one PostgreSQL database', () => {
  let database: TestPgDatabase;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    database = await createPgDatabase();
    a = await startTestServer({}, { sharedDatabaseUrl: database.url });
    b = await startTestServer({}, { sharedDatabaseUrl: database.url });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('delivers every change exactly once to a puller while many devices push through both instances at once', async () => {
    const partnershipId = await demoPartnershipId(a.storage);
    const writers: TestDevice[] = [];
    for (let i = 0; i < 12; i++) {
      const u = await addUser(a.storage, partnershipId, 'officer', `scale-writer-${i}@southandvale.example`);
      const d = await signedInDevice(i % 2 === 0 ? a.url : b.url, u.email, u.password);
      await d.sync.syncNow();
      writers.push(d);
    }
    // One puller whose session, made on A, serves it on both: it alternates instances page by page.
    const jar = cookieFetch();
    const readers = [createApiClient({ baseUrl: a.url, fetch: jar }), createApiClient({ baseUrl: b.url, fetch: jar })];
    await readers[0]!.signIn({ email: COORDINATOR.email, password: COORDINATOR.password });
    const cursor = (await readers[1]!.pull(undefined, 5000)).cursor;

    let pages = 0;
    const { seen, written: logged } = await pullWhileWriting(
      (from) => readers[pages++ % 2]!.pull(from, 5),
      cursor,
      () => Promise.all(writers.map((d) => logSessionsInBatches(d, 5, 4))),
    );

    const all = logged.flat();
    expect(all).toHaveLength(240);
    expect(pages).toBeGreaterThan(2);
    expect(seen.filter((id) => all.includes(id)).sort()).toEqual([...all].sort());
    expect(new Set(seen).size).toBe(seen.length);
    // And the server holds each exactly once, every device's queue empty.
    const stored = await b.storage.transaction((tx) => tx.outcomes.list(partnershipId), 'read');
    expect(stored.filter((o) => all.includes(o.id))).toHaveLength(240);
    for (const d of writers) expect(await d.db.outbox.count()).toBe(0);
  });

  it('applies a push once when the device sends it to both instances at the same moment (a retry racing the original)', async () => {
    const partnershipId = await demoPartnershipId(a.storage);
    const u = await addUser(a.storage, partnershipId, 'officer', `racing-${randomUUID().slice(0, 8)}@southandvale.example`);
    const d = await signedInDevice(a.url, u.email, u.password);
    await d.sync.syncNow();
    const viaB = createApiClient({ baseUrl: b.url, fetch: d.fetch });
    const values = await outcomeFor(d.db, '22');
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 10; i++) {
        const details = { ...values.details, attendees: round * 10 + i + 1 };
        ids.push((await logOutcome(d.db, d.user, { ...values, details }, undefined, { confirmDuplicate: true })).id);
      }
      const queued = await d.db.outbox.orderBy('seq').toArray();
      const push = { deviceId: await deviceId(d.db), mutations: queued.map(({ seq, kind, args }) => ({ seq, kind, args })) };
      // Each instance reads the device's last sequence number before writing: only the writers'
      // lock keeps the two from both applying the same mutations.
      const [fromA, fromB] = await Promise.all([d.api.push(push), viaB.push(push)]);
      expect(fromA.lastAppliedSeq).toBe((round + 1) * 10);
      expect(fromB.lastAppliedSeq).toBe((round + 1) * 10);
      await d.db.outbox.clear();
    }
    const stored = (await a.storage.transaction((tx) => tx.outcomes.list(partnershipId), 'read')).filter((o) => o.authorId === u.id);
    expect(stored.map((o) => o.id).sort()).toEqual([...ids].sort());
    const device = await a.storage.transaction(async (tx) => tx.devices.find(await deviceId(d.db)));
    expect(device?.lastSeq).toBe(50);
    expect(await a.storage.transaction(async (tx) => tx.devices.listRejections(await deviceId(d.db)))).toEqual([]);
  });

  it('keeps a session made on one instance valid on the other, and ended everywhere by signing out on either', async () => {
    const jar = cookieFetch();
    const onA = createApiClient({ baseUrl: a.url, fetch: jar });
    const onB = createApiClient({ baseUrl: b.url, fetch: jar });
    await onA.signIn({ email: OFFICER.email, password: OFFICER.password });
    // Any one record: which comes first is the seed's business.
    expect(Object.values((await onB.pull(undefined, 1)).changes).flat()).toHaveLength(1);
    await onB.signOut();
    const refused = await onA.pull(undefined, 1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(401);
  });

  it('counts failed sign-ins on both instances towards one block', async () => {
    const email = `throttled-${randomUUID().slice(0, 8)}@southandvale.example`;
    await addUser(a.storage, await demoPartnershipId(a.storage), 'officer', email, 'the right long password');
    const signIn = (server: TestServer, password: string) =>
      fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    for (let i = 0; i < 5; i++) expect((await signIn(i % 2 === 0 ? a : b, 'a wrong password guess')).status).toBe(401);
    expect((await signIn(a, 'the right long password')).status).toBe(429);
    expect((await signIn(b, 'the right long password')).status).toBe(429);
  });
});

describe.skipIf(!postgresReady)('versions on PostgreSQL when transactions would commit out of order', () => {
  let database: TestPgDatabase;
  let server: TestServer;
  let monitor: pg.Client;
  beforeAll(async () => {
    database = await createPgDatabase();
    server = await startTestServer({}, { sharedDatabaseUrl: database.url });
    monitor = new pg.Client({ connectionString: database.url });
    await monitor.connect();
  });
  afterAll(async () => {
    await monitor?.end();
    await server?.close();
    await database?.drop();
  });

  /** Resolves once `n` of Fieldbook's connections wait for a lock (no clock involved: it asks PostgreSQL). */
  async function untilWaitingForLock(n: number) {
    for (;;) {
      const r = await monitor.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'fieldbook' and wait_event_type = 'Lock'",
      );
      if (r.rows[0]!.n >= n) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('makes a second writer wait for the first, so a reader never sees a later version before an earlier one', async () => {
    const storage = server.storage;
    const ids = [randomUUID(), randomUUID()] as const;
    const pull = async (after: number) => (await storage.transaction((tx) => tx.feed.changesSince(ids, [], after, 100), 'read')).partnerships;
    const start = await storage.transaction((tx) => tx.takeVersion());

    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWrote!: () => void;
    const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
    const first = storage.transaction(async (tx) => {
      await tx.plans.insertPartnership({ id: ids[0], name: 'First CSP' });
      firstWrote();
      await firstMayCommit; // held open: the slow transaction that took its version first
    });
    await firstHasWritten;
    const second = storage.transaction(async (tx) => {
      await tx.plans.insertPartnership({ id: ids[1], name: 'Second CSP' });
    });
    await untilWaitingForLock(1);

    // A session check runs beside the held writer ('touch' takes no writers' lock)...
    await storage.transaction((tx) => tx.sessions.find('no such token'), 'touch');
    // ...and a reader sees neither writer yet: the second has not even taken its version.
    expect(await pull(start)).toEqual([]);

    releaseFirst();
    await Promise.all([first, second]);
    const after = await pull(start);
    expect(after.map((p) => p.record.name)).toEqual(['First CSP', 'Second CSP']);
    expect(after[1]!.version).toBe(after[0]!.version + 1);
  });
});
