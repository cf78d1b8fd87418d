import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../src/server/storage/sqlite-statement-cache';
import { migrateToLatest } from '../../../src/server/storage/migrate';
import { migrations } from '../../../src/server/storage/migrations';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function cached(size?: number) {
  const db = withStatementCache(new SQLite(':memory:'), size);
  opened.push(db);
  return db;
}

describe('the SQLite statement cache', () => {
  it('hands back the same statement for the same SQL and another for different SQL, each with its own results', () => {
    const db = cached();
    db.prepare('create table t (id integer primary key, name text)').run([]);
    const insert = db.prepare('insert into t (id, name) values (?, ?)');
    insert.run([1, 'one']);
    expect(db.prepare('insert into t (id, name) values (?, ?)')).toBe(insert);
    db.prepare('insert into t (id, name) values (?, ?)').run([2, 'two']);

    const byId = db.prepare('select name from t where id = ?');
    const all = db.prepare('select id from t order by id');
    expect(all).not.toBe(byId);
    expect(byId.all([1])).toEqual([{ name: 'one' }]);
    expect(db.prepare('select name from t where id = ?').all([2])).toEqual([{ name: 'two' }]);
    expect(all.all([])).toEqual([{ id: 1 }, { id: 2 }]);
    expect(db.cachedStatements).toBe(3);
  });

  it('sees a schema change: statements planned before an alter table are not reused after it', () => {
    const db = cached();
    db.prepare('create table t (id integer primary key)').run([]);
    db.prepare('insert into t (id) values (?)').run([1]);
    const before = db.prepare('select * from t');
    expect(before.all([])).toEqual([{ id: 1 }]);

    db.prepare("alter table t add column name text not null default 'x'").run([]);

    expect(db.cachedStatements).toBe(0);
    expect(db.prepare('select * from t').all([])).toEqual([{ id: 1, name: 'x' }]);
  });

  it('does not keep transaction control or DDL, which are prepared each time', () => {
    const db = cached();
    expect(db.prepare('begin')).not.toBe(db.prepare('begin'));
    db.prepare('create table t (id integer)').run([]);
    expect(db.cachedStatements).toBe(0);
  });

  it('prepares a fresh statement while the cached one is still being iterated', () => {
    const db = cached();
    db.prepare('create table t (id integer)').run([]);
    for (const id of [1, 2, 3]) db.prepare('insert into t (id) values (?)').run([id]);
    const seen: unknown[] = [];
    for (const row of db.prepare('select id from t order by id').iterate([])) {
      // The same SQL again, mid-iteration: better-sqlite3 would refuse to run the busy statement.
      seen.push(row, db.prepare('select id from t order by id').all([]).length);
    }
    expect(seen).toEqual([{ id: 1 }, 3, { id: 2 }, 3, { id: 3 }, 3]);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const db = cached(2);
    const a = db.prepare('select 1 as a');
    db.prepare('select 2 as b');
    expect(db.prepare('select 1 as a')).toBe(a);
    db.prepare('select 3 as c');
    expect(db.cachedStatements).toBe(2);
    // "a" was used after "b", so "b" went.
    expect(db.prepare('select 1 as a')).toBe(a);
    expect(db.prepare('select 3 as c').all([])).toEqual([{ c: 3 }]);
  });

  it('gives correct results through Kysely when a migration changes a table it already read', async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: withStatementCache(new SQLite(':memory:')) }) });
    try {
      const upTo = (n: number) => Object.fromEntries(Object.entries(migrations).filter(([name]) => Number(name.slice(0, 4)) <= n));
      const userColumns = async () => Object.keys((await sql<Record<string, unknown>>`select * from users`.execute(db)).rows[0] ?? {});
      await migrateToLatest(db, upTo(9));
      await sql`insert into users (id, email, name, password_hash, active, created_at) values ('u', 'u@example.org', 'U', 'h', 1, 't')`.execute(db);
      const before = await userColumns();
      expect(before).not.toContain('must_change_password');
      // The same `select *` text, already prepared and cached, must see the column 0010 adds.
      await migrateToLatest(db);
      expect(await userColumns()).toEqual([...before, 'must_change_password']);
    } finally {
      await db.destroy();
    }
  });
});
