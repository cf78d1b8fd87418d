import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema';
import { KyselyStorage } from './kysely-storage';
import { migrateToLatest } from './migrate';
import { ConfigError } from '../config';

/** pg's type id for BIGINT (int8): versions, sequence numbers, counts. */
const INT8 = 20;

/**
 * pg hands BIGINT back as a string, since it may not fit a JS number. Fieldbook's bigints are
 * versions and counts, far below 2^53, and the code compares them as numbers: parse them, and
 * refuse (loudly) one that would lose precision rather than round it.
 */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`A BIGINT from PostgreSQL (${text}) is beyond what Fieldbook can hold exactly.`);
  return n;
}

const defaultParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => (value: string) => unknown;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? parseInt8 : defaultParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Any fixed number: the key of the advisory lock that lets one instance at a time migrate. */
const MIGRATION_LOCK = 7_241_001;

export interface PostgresOptions {
  /** Connections per instance (pg's default is 10). */
  poolSize?: number;
  /** How long a query waits for a connection before failing (default 15 s). */
  connectionTimeoutMs?: number;
}

/**
 * Opens a pool on a PostgreSQL database and brings its schema up to date.
 *
 * Several instances may start at once against one database: each takes a session advisory lock
 * before migrating, so one migrates and the others then find nothing left to do. Each migration
 * runs in its own transaction (PostgreSQL rolls DDL back), so a failing one leaves the database
 * as it was. Durability is PostgreSQL's own: keep `synchronous_commit` and `fsync` on (their
 * defaults), as decision 4 requires of SQLite.
 */
export async function openPostgresStorage(url: string, options: PostgresOptions = {}): Promise<KyselyStorage> {
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: options.poolSize ?? 10,
    application_name: 'fieldbook',
    // Every write holds the writers' lock to commit: a transaction left idle (a stalled instance,
    // a lost client) is ended by PostgreSQL rather than stopping every instance's writes.
    idle_in_transaction_session_timeout: 30_000,
    // A request waiting for a connection (all in use, or PostgreSQL unreachable) fails after this
    // instead of hanging until the phone gives up; the phone keeps its outbox and retries.
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 15_000,
  });
  // An idle connection the server dropped (restart, failover) is discarded by the pool and the
  // next query opens another; without a listener Node would treat the event as a crash.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL dropped an idle connection: ${err.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await reachable(pool, url);
    await db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
      try {
        await migrateToLatest(conn);
      } finally {
        await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
      }
    });
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStorage(db, 'postgres');
}

/**
 * Fails at start, naming DATABASE_URL and where it points (never the password), when PostgreSQL
 * cannot be reached or refuses the user or database: a stack trace from the driver says less.
 */
async function reachable(pool: pg.Pool, url: string): Promise<void> {
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    const u = new URL(url);
    const where = `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname || u.searchParams.get('host')}:${u.port || 5432}${u.pathname}`;
    throw new ConfigError(
      `Invalid configuration:\n  DATABASE_URL: cannot open the PostgreSQL database ${where}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
