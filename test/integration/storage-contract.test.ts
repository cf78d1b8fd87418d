import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty, DEMO_PARTNERSHIP, DEMO_USERS } from '../../src/server/seed/demo-seed';
import { appliedMigrations, migrateToLatest, MigrationFailedError } from '../../src/server/storage/migrate';
import { migrations } from '../../src/server/storage/migrations';
import type { StoredOutcome } from '../../src/server/storage/stores/outcome-store';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import { TEST_SCRYPT } from '../support/test-server';
import { PG_ADMIN_URL, createPgDatabase, postgresForTests } from '../support/test-database';
import { openPostgresStorage } from '../../src/server/storage/postgres';
import { ConfigError } from '../../src/server/config';
import { postgresBackend, sqliteBackend, type OpenedStorage } from '../support/storage-backends';

/**
 * The storage contract: what the rest of the server relies on from Storage, checked the same way
 * on SQLite and on PostgreSQL, each test on a database of its own. Without a reachable PostgreSQL
 * its half is skipped locally, with a notice, and fails the run with CI=true.
 */
const postgresReady = await postgresForTests();

const ISO = '2026-05-01T10:00:00.000Z';

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof Error) return e;
    throw e;
  }
  throw new Error('expected the promise to reject');
}

for (const backend of [sqliteBackend, postgresBackend]) {
  describe.skipIf(backend.name === 'PostgreSQL' && !postgresReady)(`storage contract on ${backend.name}`, () => {
    let opened: OpenedStorage;
    let storage: KyselyStorage;
    beforeEach(async () => {
      opened = await backend.open();
      storage = opened.storage;
    });
    afterEach(() => opened.close());

    /** The demo partnership, its officer and one of the officer's actions, with a device of theirs. */
    async function seeded() {
      await seedDemoIfEmpty(storage, TEST_SCRYPT);
      return storage.transaction(async (tx) => {
        const partnership = (await tx.plans.findPartnership(DEMO_PARTNERSHIP))!;
        const officer = (await tx.accounts.findUserByEmail(DEMO_USERS.officer.email))!;
        const coordinator = (await tx.accounts.findUserByEmail(DEMO_USERS.coordinator.email))!;
        const action = (await tx.plans.listMeasuresOfPartnership(partnership.id))[0]!;
        const deviceId = randomUUID();
        await tx.devices.insert({ id: deviceId, userId: officer.id, lastSeq: 0, createdAt: ISO, lastSeenAt: ISO });
        return { partnership, officer, coordinator, actionId: action.actionId, deviceId };
      });
    }

    function outcome(s: Awaited<ReturnType<typeof seeded>>, version: number, overrides: Partial<StoredOutcome> = {}): StoredOutcome {
      return {
        id: randomUUID(),
        partnershipId: s.partnership.id,
        actionId: s.actionId,
        type: 'training-session',
        details: { attendees: 14, topic: 'Safe Places' },
        authorId: s.officer.id,
        deviceId: s.deviceId,
        occurredOn: '2026-04-30',
        town: 'Didcot',
        location: null,
        placeId: null,
        notes: 'Held at the library',
        recordedAt: ISO,
        receivedAt: ISO,
        version,
        deletedAt: null,
        fieldVersions: {},
        ...overrides,
      };
    }

    it('commits everything a transaction wrote together, or nothing of it when it throws', async () => {
      const lost = randomUUID();
      const thrown = await errorOf(
        storage.transaction(async (tx) => {
          await tx.plans.insertPartnership({ id: lost, name: 'Lost CSP', towns: ['Nowhere'] });
          throw new Error('the request failed half way');
        }),
      );
      expect(thrown.message).toBe('the request failed half way');
      expect(await storage.transaction((tx) => tx.plans.findPartnership(lost))).toBeUndefined();

      const kept = randomUUID();
      await storage.transaction((tx) => tx.plans.insertPartnership({ id: kept, name: 'Kept CSP', towns: ['Here', 'There'] }));
      expect(await storage.transaction((tx) => tx.plans.findPartnership('Kept CSP'), 'read')).toEqual({ id: kept, name: 'Kept CSP', towns: ['Here', 'There'] });
    });

    it('hands out versions one after another, as numbers, and never the same one twice', async () => {
      const taken = await storage.transaction(async (tx) => [await tx.takeVersion(), await tx.takeVersion(), await tx.takeVersion()]);
      const next = await storage.transaction((tx) => tx.takeVersion());
      for (const v of [...taken, next]) expect(typeof v).toBe('number');
      expect([...taken, next]).toEqual([taken[0]!, taken[0]! + 1, taken[0]! + 2, taken[0]! + 3]);
      // A transaction that fails gives its versions back with everything else it did.
      await errorOf(
        storage.transaction(async (tx) => {
          await tx.takeVersion();
          throw new Error('rolled back');
        }),
      );
      expect(await storage.transaction((tx) => tx.takeVersion())).toBe(next + 1);
    });

    it('keeps users, memberships and roles, with emails compared in lower case', async () => {
      const s = await seeded();
      const id = randomUUID();
      await storage.transaction(async (tx) => {
        await tx.accounts.insertUser({ id, email: 'New.Person@Council.Example', name: 'New Person', passwordHash: 'h', active: true, createdAt: ISO });
        await tx.accounts.insertMembership({ userId: id, partnershipId: s.partnership.id, role: 'coordinator', jobTitle: 'Analyst' });
      });
      const user = await storage.transaction((tx) => tx.accounts.findUserByEmail('new.person@council.example'));
      expect(user).toEqual({
        id,
        email: 'new.person@council.example',
        name: 'New Person',
        passwordHash: 'h',
        active: true,
        createdAt: ISO,
        mustChangePassword: false,
      });
      expect(await storage.transaction((tx) => tx.accounts.listMemberships(id))).toEqual([
        { partnershipId: s.partnership.id, partnershipName: DEMO_PARTNERSHIP, role: 'coordinator', jobTitle: 'Analyst' },
      ]);
      const coordinators = await storage.transaction((tx) => tx.accounts.countActiveCoordinators(s.partnership.id));
      expect(coordinators).toBe(2);
      await storage.transaction(async (tx) => {
        await tx.accounts.setUserActive(id, false);
        await tx.accounts.setMustChangePassword(id, true);
        await tx.accounts.updateMembership(id, s.partnership.id, { role: 'admin' });
      });
      expect(await storage.transaction((tx) => tx.accounts.countActiveCoordinators(s.partnership.id))).toBe(1);
      expect(await storage.transaction((tx) => tx.accounts.findMember(s.partnership.id, id))).toEqual({
        id,
        name: 'New Person',
        email: 'new.person@council.example',
        role: 'admin',
        jobTitle: 'Analyst',
        active: false,
      });
      expect((await storage.transaction((tx) => tx.accounts.findUserById(id)))?.mustChangePassword).toBe(true);
      expect((await storage.transaction((tx) => tx.accounts.listMembers(s.partnership.id))).map((m) => m.name)).toEqual([
        'Jo Bennett',
        'New Person',
        'Sam Patel',
      ]);
    });

    it('keeps sessions in the database: found, touched, ended one at a time or all but one', async () => {
      const s = await seeded();
      const session = (tokenHash: string) => ({
        tokenHash,
        userId: s.officer.id,
        createdAt: ISO,
        lastSeenAt: ISO,
        idleExpiresAt: '2026-05-02T10:00:00.000Z',
        absoluteExpiresAt: '2026-05-08T10:00:00.000Z',
      });
      await storage.transaction(async (tx) => {
        for (const t of ['a', 'b', 'c']) await tx.sessions.insert(session(t));
      });
      await storage.transaction((tx) => tx.sessions.touch('a', '2026-05-01T11:00:00.000Z', '2026-05-02T11:00:00.000Z'), 'touch');
      expect(await storage.transaction((tx) => tx.sessions.find('a'))).toEqual({
        ...session('a'),
        lastSeenAt: '2026-05-01T11:00:00.000Z',
        idleExpiresAt: '2026-05-02T11:00:00.000Z',
      });
      await storage.transaction((tx) => tx.sessions.delete('b'));
      expect(await storage.transaction((tx) => tx.sessions.find('b'))).toBeUndefined();
      await storage.transaction(async (tx) => {
        await tx.sessions.insert(session('d'));
        await tx.sessions.deleteAllOfUser(s.officer.id, 'd');
      });
      const left = await storage.transaction(async (tx) => Promise.all(['a', 'c', 'd'].map((t) => tx.sessions.find(t))));
      expect(left.map((x) => x?.tokenHash)).toEqual([undefined, undefined, 'd']);
    });

    it("keeps sign-in throttle counters, replacing a key's row when saved again", async () => {
      const first = { key: 'account:officer@southandvale.example', failures: 1, windowStartedAt: ISO, blockedUntil: null };
      const later = { ...first, failures: 5, blockedUntil: '2026-05-01T10:15:00.000Z' };
      await storage.transaction((tx) => tx.sessions.saveThrottle(first));
      await storage.transaction((tx) => tx.sessions.saveThrottle(later));
      expect(await storage.transaction((tx) => tx.sessions.findThrottle(first.key))).toEqual(later);
      await storage.transaction((tx) => tx.sessions.deleteThrottle(first.key));
      expect(await storage.transaction((tx) => tx.sessions.findThrottle(first.key))).toBeUndefined();
    });

    it('appends to the audit log and lists it newest first in pages, and the database refuses to change it', async () => {
      const s = await seeded();
      const entry = (n: number) => ({
        id: randomUUID(),
        partnershipId: s.partnership.id,
        actorId: s.coordinator.id,
        action: 'plan.changed' as const,
        entityType: 'plan',
        entityId: null,
        at: ISO,
        details: { n, note: 'ünïcode ✓' },
      });
      const entries = [entry(1), entry(2), entry(3)];
      for (const e of entries) await storage.transaction((tx) => tx.audit.append(e));
      // The demo seed's own entry comes before these three.
      const all = await storage.transaction((tx) => tx.audit.list(s.partnership.id, undefined, 3));
      expect(all.map((e) => e.details)).toEqual([3, 2, 1].map((n) => ({ n, note: 'ünïcode ✓' })));
      expect(all.every((e) => typeof e.seq === 'number' && e.actorName === 'Jo Bennett')).toBe(true);
      const page = await storage.transaction((tx) => tx.audit.list(s.partnership.id, all[0]!.seq, 1));
      expect(page.map((e) => e.id)).toEqual([entries[1]!.id]);

      expect((await errorOf(opened.rawExec(`update audit_log set action = 'x'`))).message).toMatch(/append-only/);
      expect((await errorOf(opened.rawExec(`delete from audit_log`))).message).toMatch(/append-only/);
      expect(await storage.transaction((tx) => tx.audit.list(s.partnership.id, undefined, 3))).toEqual(all);
    });

    it('stores outcomes, applies edits field by field, keeps tombstones and history, and the history cannot be rewritten', async () => {
      const s = await seeded();
      const v1 = await storage.transaction((tx) => tx.takeVersion());
      const o = outcome(s, v1, { location: { lat: 51.608, lng: -1.241, accuracyM: 12 } });
      await storage.transaction((tx) => tx.outcomes.insertMany([o]));
      expect(await storage.transaction((tx) => tx.outcomes.find(o.id))).toEqual(o);

      const v2 = await storage.transaction(async (tx) => {
        const v = await tx.takeVersion();
        await tx.outcomes.update(o.id, { town: null, notes: 'Moved to the hall' }, v, { town: v, notes: v });
        await tx.outcomes.appendHistory({
          id: randomUUID(),
          outcomeId: o.id,
          partnershipId: o.partnershipId,
          version: v,
          kind: 'update',
          field: 'town',
          from: 'Didcot',
          to: null,
          conflict: true,
          actorId: s.officer.id,
          at: ISO,
        });
        return v;
      });
      const edited = { ...o, town: null, notes: 'Moved to the hall', version: v2, fieldVersions: { town: v2, notes: v2 } };
      expect(await storage.transaction((tx) => tx.outcomes.find(o.id))).toEqual(edited);

      const v3 = await storage.transaction(async (tx) => {
        const v = await tx.takeVersion();
        await tx.outcomes.markDeleted(o.id, '2026-05-02T09:00:00.000Z', v);
        return v;
      });
      expect(await storage.transaction((tx) => tx.outcomes.find(o.id))).toEqual({ ...edited, version: v3, deletedAt: '2026-05-02T09:00:00.000Z' });
      expect(await storage.transaction((tx) => tx.outcomes.list(s.partnership.id))).toHaveLength(1);
      expect(await storage.transaction((tx) => tx.outcomes.listHistory(o.id))).toEqual([
        expect.objectContaining({
          outcomeId: o.id,
          kind: 'update',
          field: 'town',
          from: 'Didcot',
          to: null,
          conflict: true,
          actorName: 'Sam Patel',
          version: v2,
        }),
      ]);
      expect((await errorOf(opened.rawExec(`update outcome_history set conflict = 0`))).message).toMatch(/append-only/);
      expect((await errorOf(opened.rawExec(`delete from outcome_history`))).message).toMatch(/append-only/);
    });

    it('refuses a second outcome with the same id and an outcome whose action does not exist', async () => {
      const s = await seeded();
      const o = outcome(s, 1);
      await storage.transaction((tx) => tx.outcomes.insertMany([o]));
      await errorOf(storage.transaction((tx) => tx.outcomes.insertMany([{ ...o, notes: 'other' }])));
      await errorOf(storage.transaction((tx) => tx.outcomes.insertMany([{ ...outcome(s, 2), actionId: randomUUID() }])));
      expect((await storage.transaction((tx) => tx.outcomes.list(s.partnership.id))).map((x) => x.notes)).toEqual(['Held at the library']);
    });

    it('keeps devices, rejections and photos (the bytes exactly)', async () => {
      const s = await seeded();
      await storage.transaction((tx) => tx.devices.update(s.deviceId, 41, '2026-05-01T12:00:00.000Z'));
      expect(await storage.transaction((tx) => tx.devices.find(s.deviceId))).toEqual({
        id: s.deviceId,
        userId: s.officer.id,
        lastSeq: 41,
        createdAt: ISO,
        lastSeenAt: '2026-05-01T12:00:00.000Z',
      });

      const rejection = {
        id: randomUUID(),
        deviceId: s.deviceId,
        userId: s.officer.id,
        seq: 7,
        kind: 'outcome.create',
        code: 'invalid',
        message: 'No such action',
        argsJson: '{"a":1}',
        createdAt: ISO,
      };
      await storage.transaction((tx) => tx.devices.insertRejection(rejection));
      expect(await storage.transaction((tx) => tx.devices.listRejections(s.deviceId))).toEqual([rejection]);

      const o = outcome(s, await storage.transaction((tx) => tx.takeVersion()));
      await storage.transaction((tx) => tx.outcomes.insertMany([o]));
      const data = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x80, 0xfe, 0xff, 0xd9]);
      const photo = {
        id: randomUUID(),
        outcomeId: o.id,
        partnershipId: s.partnership.id,
        uploadedBy: s.officer.id,
        mime: 'image/jpeg',
        bytes: data.length,
        width: 1600,
        height: 1200,
        sha256: 'a'.repeat(64),
        uploadedAt: ISO,
      };
      await storage.transaction((tx) => tx.photos.insert({ ...photo, data }));
      expect(await storage.transaction((tx) => tx.photos.find(photo.id))).toEqual(photo);
      expect(await storage.transaction((tx) => tx.photos.listOfOutcome(o.id))).toEqual([photo]);
      expect(await storage.transaction((tx) => tx.photos.countOfOutcome(o.id))).toBe(1);
      const back = await storage.transaction((tx) => tx.photos.readData(photo.id));
      expect(Buffer.isBuffer(back)).toBe(true);
      expect(back?.equals(data)).toBe(true);
    });

    it('keeps places, quarterly reviews, sign-offs and fund returns, replacing one per action, quarter or plan', async () => {
      const s = await seeded();
      const place = {
        id: randomUUID(),
        partnershipId: s.partnership.id,
        kind: 'safe-place' as const,
        name: 'Didcot Pharmacy',
        town: 'Didcot',
        address: null,
        point: { lat: 51.6, lng: -1.2, accuracyM: 8 },
        status: 'active' as const,
        joinedOn: '2026-04-01',
        recordedAt: ISO,
        createdBy: s.officer.id,
        updatedAt: ISO,
        version: 1,
      };
      await storage.transaction((tx) => tx.places.insert(place));
      await storage.transaction((tx) => tx.places.update(place.id, { name: 'Didcot Late Pharmacy', point: null }, 2, '2026-05-03T00:00:00.000Z'));
      expect(await storage.transaction((tx) => tx.places.find(place.id))).toEqual({
        ...place,
        name: 'Didcot Late Pharmacy',
        point: null,
        version: 2,
        updatedAt: '2026-05-03T00:00:00.000Z',
      });

      const plan = (await storage.transaction((tx) => tx.plans.list(s.partnership.id)))[0]!;
      const review = {
        id: randomUUID(),
        partnershipId: s.partnership.id,
        planId: plan.id,
        actionId: s.actionId,
        quarterStart: '2018-04-01',
        rag: 'amber' as const,
        commentary: 'Behind',
        remedialAction: 'More sessions',
        updatedAt: ISO,
        updatedBy: s.coordinator.id,
      };
      await storage.transaction((tx) => tx.reviews.save(review));
      await storage.transaction((tx) => tx.reviews.save({ ...review, id: randomUUID(), rag: 'green', commentary: 'Caught up' }));
      expect(await storage.transaction((tx) => tx.reviews.find(s.actionId, '2018-04-01'))).toEqual({ ...review, rag: 'green', commentary: 'Caught up' });

      const signOff = {
        id: randomUUID(),
        partnershipId: s.partnership.id,
        planId: plan.id,
        quarterStart: '2018-04-01',
        quarterEnd: '2018-06-30',
        signedOffAt: ISO,
        signedOffBy: s.coordinator.id,
        reopenedAt: null,
      };
      await storage.transaction((tx) => tx.reviews.saveSignOff(signOff));
      await storage.transaction((tx) => tx.reviews.saveSignOff({ ...signOff, id: randomUUID(), reopenedAt: '2026-05-04T00:00:00.000Z' }));
      expect(await storage.transaction((tx) => tx.reviews.listSignOffs(plan.id))).toEqual([{ ...signOff, reopenedAt: '2026-05-04T00:00:00.000Z' }]);

      const doc = {
        id: randomUUID(),
        partnershipId: s.partnership.id,
        planId: plan.id,
        grantPence: 1_250_000,
        localAuthorityArea: 'South and Vale',
        councilContact: 'Jo',
        policeLead: 'Insp. Kaur',
        lines: [],
        updatedAt: ISO,
        updatedBy: s.coordinator.id,
      };
      const first = await storage.transaction((tx) => tx.fundReturns.save(doc));
      const second = await storage.transaction((tx) => tx.fundReturns.save({ ...doc, id: randomUUID(), grantPence: 1_300_000 }));
      expect(typeof second).toBe('number');
      expect(second).toBeGreaterThan(first);
      expect(await storage.transaction((tx) => tx.fundReturns.find(plan.id))).toEqual({ ...doc, grantPence: 1_300_000, version: second });
    });

    it('reads changes after a version for the given partnerships only, lowest versions first, a page per table', async () => {
      const s = await seeded();
      const other = randomUUID();
      await storage.transaction((tx) => tx.plans.insertPartnership({ id: other, name: 'Other CSP', towns: [] }));
      const everything = await storage.transaction((tx) => tx.feed.changesSince([s.partnership.id], [], 0, 5000), 'read');
      expect(everything.partnerships.map((p) => p.record.id)).toEqual([s.partnership.id]);
      expect(everything.actions.length).toBe(28);
      expect(everything.measures.length).toBe(65);
      const versions = Object.values(everything).flatMap((rows) => rows.map((r) => r.version));
      expect(new Set(versions).size).toBe(versions.length);
      expect(versions.every((v) => typeof v === 'number')).toBe(true);

      const after = Math.max(...versions);
      const mine = outcome(s, await storage.transaction((tx) => tx.takeVersion()));
      const deleted = outcome(s, await storage.transaction((tx) => tx.takeVersion()), { deletedAt: ISO, notes: 'secret' });
      await storage.transaction(async (tx) => {
        await tx.outcomes.insertMany([mine]);
        await tx.outcomes.insertMany([deleted]);
      });
      const page = await storage.transaction((tx) => tx.feed.changesSince([s.partnership.id], [], after, 1), 'read');
      expect(page.outcomes.map((r) => r.version)).toEqual([mine.version]);
      expect(page.outcomes[0]!.record).toMatchObject({ id: mine.id, authorName: 'Sam Patel', notes: 'Held at the library' });
      expect(page.actions).toEqual([]);
      const rest = await storage.transaction((tx) => tx.feed.changesSince([s.partnership.id], [], mine.version, 10), 'read');
      expect(rest.outcomes.map((r) => [r.record.id, r.record.notes])).toEqual([[deleted.id, null]]);
      expect((await storage.transaction((tx) => tx.feed.changesSince([other], [], 0, 10), 'read')).outcomes).toEqual([]);
      expect(await storage.transaction((tx) => tx.feed.changesSince([], [], 0, 10), 'read')).toMatchObject({ partnerships: [], outcomes: [] });
    });
  });
}

/** The migration runner on each backend: all of them apply, and a failing one leaves the database as it was. */
for (const backend of [sqliteBackend, postgresBackend]) {
  describe.skipIf(backend.name === 'PostgreSQL' && !postgresReady)(`migrations on ${backend.name}`, () => {
    it('apply in order to an empty database, once', async () => {
      const bare = await backend.bare();
      try {
        const all = Object.keys(migrations).sort();
        expect(await migrateToLatest(bare.db)).toEqual(all);
        expect(await migrateToLatest(bare.db)).toEqual([]);
        expect(await appliedMigrations(bare.db)).toEqual(all);
        expect(await bare.tableNames()).toEqual(
          expect.arrayContaining(['outcomes', 'outcome_history', 'audit_log', 'sessions', 'sign_in_throttle', 'sync_counter', 'photos', 'fund_returns']),
        );
      } finally {
        await bare.close();
      }
    });

    it('roll a failing migration back whole, keeping the ones before it, and refuse to go on', async () => {
      const bare = await backend.bare();
      try {
        const steps = {
          '0001-good': { up: (db: Parameters<typeof migrateToLatest>[0]) => db.schema.createTable('kept').addColumn('id', 'integer').execute() },
          '0002-broken': {
            async up(db: Parameters<typeof migrateToLatest>[0]) {
              await db.schema.createTable('half_made').addColumn('id', 'integer').execute();
              await db.schema.alterTable('kept').addColumn('extra', 'text').execute();
              throw new Error('disk on fire');
            },
          },
        };
        const e = await errorOf(migrateToLatest(bare.db, steps));
        expect(e).toBeInstanceOf(MigrationFailedError);
        expect(e.message).toMatch(/0002-broken.*rolled back.*disk on fire/);
        expect(await bare.tableNames()).toEqual(expect.arrayContaining(['kept', 'schema_migrations']));
        expect(await bare.tableNames()).not.toContain('half_made');
        expect(await appliedMigrations(bare.db)).toEqual(['0001-good']);
        // The column the failed migration added to an existing table went with it.
        await errorOf(
          bare.db
            .selectFrom('kept' as never)
            .select('extra' as never)
            .execute(),
        );
        expect((await errorOf(migrateToLatest(bare.db, steps))).message).toMatch(/0002-broken/);
      } finally {
        await bare.close();
      }
    });
  });
}

describe.skipIf(!postgresReady)('opening PostgreSQL', () => {
  it('stops with a message naming DATABASE_URL and the database, without the password, when it cannot be opened', async () => {
    const url = new URL(PG_ADMIN_URL);
    url.password = 'not-to-be-printed';
    url.pathname = `/fieldbook_missing_${randomUUID().slice(0, 8)}`;
    const e = await errorOf(openPostgresStorage(url.toString()));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toMatch(/DATABASE_URL: cannot open the PostgreSQL database .*fieldbook_missing_.*does not exist/);
    expect(e.message).not.toContain('not-to-be-printed');
  });

  it('fails a request that waits too long for a connection instead of hanging', async () => {
    const database = await createPgDatabase();
    const storage = await openPostgresStorage(database.url, { poolSize: 1, connectionTimeoutMs: 300 });
    try {
      let release!: () => void;
      const held = storage.transaction(() => new Promise<void>((resolve) => (release = resolve)), 'read');
      await new Promise((r) => setTimeout(r, 50));
      const e = await errorOf(storage.transaction((tx) => tx.plans.findPartnership('anything'), 'read'));
      expect(e.message).toMatch(/timeout/i);
      release();
      await held;
      // The pool recovers once the connection is free again.
      expect(await storage.transaction((tx) => tx.plans.findPartnership('anything'), 'read')).toBeUndefined();
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});

describe.skipIf(!postgresReady)('PostgreSQL specifics', () => {
  let opened: OpenedStorage;
  beforeEach(async () => {
    opened = await postgresBackend.open();
  });
  afterEach(() => opened.close());

  it('refuses a BIGINT that a JS number cannot hold exactly instead of rounding it', async () => {
    await opened.rawExec('update sync_counter set value = 9007199254740991 where id = 1');
    const e = await errorOf(opened.storage.transaction((tx) => tx.takeVersion()));
    expect(e.message).toMatch(/BIGINT from PostgreSQL \(9007199254740992\) is beyond what Fieldbook can hold exactly/);
  });

  it('refuses writes in a read transaction', async () => {
    const e = await errorOf(
      opened.storage.transaction((tx) => tx.plans.insertPartnership({ id: randomUUID(), name: 'Written by a reader', towns: [] }), 'read'),
    );
    expect(e.message).toMatch(/read-only transaction/);
    expect(await opened.storage.transaction((tx) => tx.plans.findPartnership('Written by a reader'))).toBeUndefined();
  });
});
