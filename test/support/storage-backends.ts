import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { openSqliteStorage } from '../../src/server/storage/sqlite';
import { openPostgresStorage } from '../../src/server/storage/postgres';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import { createPgDatabase } from './test-database';

/** A fresh, migrated storage on one backend, with a way around it to check what the database itself enforces. */
export interface OpenedStorage {
  storage: KyselyStorage;
  /** Runs one SQL statement on a connection of its own, outside Fieldbook's storage code. */
  rawExec(statement: string): Promise<void>;
  close(): Promise<void>;
}

/** An empty database with no Fieldbook schema, for the migration runner's own tests. */
export interface BareDatabase {
  db: Kysely<unknown>;
  tableNames(): Promise<string[]>;
  close(): Promise<void>;
}

export interface StorageBackend {
  name: 'SQLite' | 'PostgreSQL';
  open(): Promise<OpenedStorage>;
  bare(): Promise<BareDatabase>;
}

export const sqliteBackend: StorageBackend = {
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-contract-'));
    const path = join(dir, 'fieldbook.sqlite');
    const storage = await openSqliteStorage(path);
    return {
      storage,
      rawExec(statement) {
        const db = new SQLite(path);
        try {
          db.exec(statement);
          return Promise.resolve();
        } catch (e) {
          return Promise.reject(e instanceof Error ? e : new Error(String(e)));
        } finally {
          db.close();
        }
      },
      async close() {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  bare() {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    return Promise.resolve({
      db,
      tableNames: async () =>
        (await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)).rows.map((r) => r.name),
      close: () => db.destroy(),
    });
  },
};

export const postgresBackend: StorageBackend = {
  name: 'PostgreSQL',
  async open() {
    const database = await createPgDatabase();
    const storage = await openPostgresStorage(database.url, { poolSize: 4 });
    return {
      storage,
      async rawExec(statement) {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      },
      async close() {
        await storage.close();
        await database.drop();
      },
    };
  },
  async bare() {
    const database = await createPgDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    // The drop below (WITH FORCE) can reach a connection the pool is still closing; the pool then
    // reports it as an idle client's error, and with no listener that would crash the test run.
    pool.on('error', () => undefined);
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      tableNames: async () =>
        (
          await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db)
        ).rows.map((r) => r.name),
      async close() {
        await db.destroy();
        await database.drop();
      },
    };
  },
};
