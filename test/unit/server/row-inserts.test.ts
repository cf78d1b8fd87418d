import SQLite from 'better-sqlite3';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ROWS_PER_STATEMENT, RowInserts } from '../../../src/server/storage/row-inserts';

interface Db {
  t: { id: string; n: number; note: string | null };
}

const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, n: i, note: i % 2 ? null : `note ${i}` }));

/** Compiles for PostgreSQL without a server. */
const postgres = new Kysely<Db>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('multi-row inserts compiled once', () => {
  it.each([
    ['SQLite', new Kysely<Db>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) })],
    ['PostgreSQL', postgres],
  ])('on %s, writes the same SQL and parameters as Kysely’s builder', (_name, db) => {
    const inserts = new RowInserts();
    for (const count of [1, 3]) {
      const built = db.insertInto('t').values(rows(count)).compile();
      expect(inserts.text(db, 't', ['id', 'n', 'note'], count)).toBe(built.sql);
      expect(rows(count).flatMap((r) => [r.id, r.n, r.note])).toEqual(built.parameters);
    }
  });

  it('inserts every row, in statements of at most ROWS_PER_STATEMENT rows', async () => {
    const sqlite = new SQLite(':memory:');
    const statements: string[] = [];
    const db = new Kysely<Db>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (e) => {
        statements.push(e.query.sql);
      },
    });
    try {
      await sql`create table t (id text primary key, n integer not null, note text)`.execute(db);
      statements.length = 0;
      const many = rows(ROWS_PER_STATEMENT * 2 + 5);
      await new RowInserts().insert<Db, 't'>(db, 't', ['id', 'n', 'note'], many);
      expect(statements).toHaveLength(3);
      expect(await db.selectFrom('t').selectAll().orderBy('n').execute()).toEqual(many);
    } finally {
      await db.destroy();
    }
  });
});
