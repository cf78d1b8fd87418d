import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL, createPgDatabase } from '../../support/test-database';
import { openPostgresStorage } from '../../../src/server/storage/postgres';
import { ConfigError } from '../../../src/server/config';
import { postgresBackend, type OpenedStorage } from '../../support/storage-backends';
import { errorOf, postgresReady } from '../../support/storage-contract';

/** What only PostgreSQL has to get right: opening it, its pool, its BIGINTs and read-only transactions. */
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
    const e = await errorOf(opened.storage.transaction((tx) => tx.plans.insertPartnership({ id: randomUUID(), name: 'Written by a reader' }), 'read'));
    expect(e.message).toMatch(/read-only transaction/);
    expect(await opened.storage.transaction((tx) => tx.plans.findPartnership('Written by a reader'))).toBeUndefined();
  });
});
