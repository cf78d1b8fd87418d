import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests. FIELDBOOK_TEST_PG_URL names a database on a server where the user may
 * create databases (default: CI's, postgres@127.0.0.1:5432/test, trust auth). Each test gets a
 * database of its own, so test files running in parallel never see each other's rows.
 */
export const PG_ADMIN_URL = process.env.FIELDBOOK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Where tests look for PostgreSQL, for messages: host, port and database, never a password. */
function where(): string {
  const u = new URL(PG_ADMIN_URL);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message || e.name : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether this run can test PostgreSQL. Locally, no PostgreSQL means its half of the storage
 * tests is skipped, with a notice saying so; with CI=true it fails the run instead, since CI
 * promises a server (.ci/run starts one).
 */
export async function postgresForTests(): Promise<boolean> {
  const problem = await probe();
  if (problem === undefined) return true;
  if (inCi) throw new Error(`CI=true but PostgreSQL at ${where()} cannot be reached (${problem}). .ci/run starts it; check that it is installed.`);
  console.warn(
    `\n*** NOTICE: PostgreSQL at ${where()} cannot be reached (${problem}): the PostgreSQL half of these storage tests is SKIPPED.\n` +
      '*** Start PostgreSQL or set FIELDBOOK_TEST_PG_URL to run it (CI=true makes this a failure).\n',
  );
  return false;
}

export interface TestPgDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database. Collation "C" compares text byte by byte, as SQLite does, so both
 * backends sort names and ids alike in tests.
 */
export async function createPgDatabase(): Promise<TestPgDatabase> {
  const name = `fieldbook_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await admin((c) => c.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a connection a failed test left open must not keep the database alive.
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export type TestBackend = 'sqlite' | 'postgres';

/**
 * The backend the ordinary integration tests run on: SQLite, or PostgreSQL with
 * FIELDBOOK_TEST_BACKEND=postgres (`FIELDBOOK_TEST_BACKEND=postgres npx vitest run test/integration`).
 */
export function defaultTestBackend(): TestBackend {
  const b = process.env.FIELDBOOK_TEST_BACKEND ?? 'sqlite';
  if (b !== 'sqlite' && b !== 'postgres') throw new Error(`FIELDBOOK_TEST_BACKEND must be sqlite or postgres, not "${b}"`);
  return b;
}
