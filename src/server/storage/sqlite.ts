import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { KyselyStorage } from './kysely-storage';
import { migrateToLatest } from './migrate';
import { withStatementCache } from './sqlite-statement-cache';

/**
 * Opens (creating if need be) the embedded SQLite database and brings its schema up to date.
 *
 * WAL lets pulls read while a push writes. synchronous=FULL because an acknowledged push is
 * the moment the device forgets its copy of the mutation: with WAL's default NORMAL, a power
 * cut could lose a commit the device was already told about. Batching pushes keeps the cost
 * acceptable (docs/decisions/0004-sqlite-durability.md). Statements are prepared once per SQL text
 * and reused (sqlite-statement-cache.ts, decision 31).
 */
export async function openSqliteStorage(path: string): Promise<KyselyStorage> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrateToLatest(db);
  return new KyselyStorage(db);
}
