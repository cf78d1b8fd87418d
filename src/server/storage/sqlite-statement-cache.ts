import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept: a push's multi-row inserts and `in (…)` reads vary in length, each length its own text. */
export const STATEMENT_CACHE_SIZE = 500;

/** Only data statements are kept; DDL, pragmas and transaction control are prepared each time. */
const CACHEABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** A statement that changes the schema empties the cache before it runs. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/**
 * better-sqlite3 under Kysely's SqliteDialect, with prepared statements reused by their SQL text.
 *
 * Kysely's SQLite driver calls `prepare` for every query it runs, and preparing (parsing and
 * planning the SQL) was a measurable share of a push's work. The same text always compiles to the
 * same program, so a statement prepared once can be run again with other parameters.
 *
 * Why it stays correct:
 * - Schema changes: SQLite re-prepares a statement itself when the schema it was planned against
 *   changed (prepare_v2); on top of that, any create/alter/drop empties the cache first, so a
 *   migration never runs against statements planned before it.
 * - A statement being iterated (Kysely's stream) cannot run again until the iteration ends:
 *   a busy cached statement is not handed out, a fresh one is prepared instead.
 * - Statements hold no transaction state: `begin`/`commit` are not cached, and a run statement is
 *   reset by better-sqlite3 before it returns.
 * - Bounded: least recently used statements are dropped beyond `size` (better-sqlite3 finalizes
 *   a statement when it is collected).
 */
export function withStatementCache(db: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase & { readonly cachedStatements: number } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      if (!CACHEABLE.test(sql)) {
        if (SCHEMA_CHANGE.test(sql)) cache.clear();
        return db.prepare(sql);
      }
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last: Map keeps insertion order, so the first key is the one to drop.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      if (cached) return db.prepare(sql);
      const statement = db.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
    get cachedStatements() {
      return cache.size;
    },
  };
}
