import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe } from 'vitest';
import { seedDemoIfEmpty, DEMO_PARTNERSHIP, DEMO_USERS } from '../../src/server/seed/demo-seed';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import type { StoredOutcome } from '../../src/server/storage/stores/outcome-store';
import { TEST_SCRYPT } from './test-server';
import { postgresForTests } from './test-database';
import { postgresBackend, sqliteBackend, type OpenedStorage, type StorageBackend } from './storage-backends';

/**
 * The storage contract (test/integration/storage): what the rest of the server relies on from each
 * store, checked the same way on SQLite and on PostgreSQL, each test on a database of its own.
 * Without a reachable PostgreSQL its half is skipped locally, with a notice, and fails the run
 * with CI=true.
 */
export const postgresReady = await postgresForTests();

export const ISO = '2026-05-01T10:00:00.000Z';

/** Each backend, with whether this run can test it. */
export const BACKENDS: readonly { backend: StorageBackend; skip: boolean }[] = [
  { backend: sqliteBackend, skip: false },
  { backend: postgresBackend, skip: !postgresReady },
];

/** The database of the test that is running: a fresh, migrated one on the describe's backend. */
export interface ContractDatabase {
  readonly storage: KyselyStorage;
  /** Runs one SQL statement outside Fieldbook's storage code, to check what the database itself enforces. */
  rawExec(statement: string): Promise<void>;
}

/** `describe(title on SQLite)` and `describe(title on PostgreSQL)`, each test of `body` on a new database. */
export function describeOnEachDatabase(title: string, body: (db: ContractDatabase) => void): void {
  for (const { backend, skip } of BACKENDS) {
    describe.skipIf(skip)(`${title} on ${backend.name}`, () => {
      let opened: OpenedStorage | undefined;
      const current = () => opened ?? expectOpen();
      beforeEach(async () => {
        opened = await backend.open();
      });
      afterEach(async () => {
        await opened?.close();
        opened = undefined;
      });
      body({
        get storage() {
          return current().storage;
        },
        rawExec: (statement) => current().rawExec(statement),
      });
    });
  }
}

function expectOpen(): never {
  throw new Error('The contract database is open only while a test runs.');
}

export async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof Error) return e;
    throw e;
  }
  throw new Error('expected the promise to reject');
}

export type Seeded = Awaited<ReturnType<typeof seeded>>;

/** The demo partnership, its officer and one of the officer's actions, with a device of theirs. */
export async function seeded(storage: KyselyStorage) {
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

/** An outcome of the seeded officer's, from their device, with the given version. */
export function outcome(s: Seeded, version: number, overrides: Partial<StoredOutcome> = {}): StoredOutcome {
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
    areaId: null,
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
