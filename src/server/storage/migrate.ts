import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { FieldbookMigration } from './migrations/migration';
import { migrations as allMigrations } from './migrations';

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(`Database migration ${migrationName} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MigrationFailedError';
  }
}

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `The database has migrations this version of Fieldbook does not know (${unknownMigrations.join(', ')}): ` +
        'it was used by a newer release. Run that release, or restore a backup taken before the upgrade.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Applies every pending migration, each in its own transaction together with the row that
 * records it. SQLite and PostgreSQL both roll back DDL, so a failing migration leaves the
 * database exactly as it was and the server refuses to start. (Kysely's own Migrator runs
 * SQLite migrations outside a transaction, which is why this runner exists.)
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, migrations: Record<string, FieldbookMigration> = allMigrations): Promise<string[]> {
  const k = db as unknown as Kysely<{ schema_migrations: { name: string; applied_at: string } }>;
  await k.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied = new Set((await k.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
  const names = Object.keys(migrations).sort();
  const unknown = [...applied].filter((n) => !(n in migrations));
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);

  const done: string[] = [];
  for (const name of names) {
    if (applied.has(name)) continue;
    const migration = migrations[name]!;
    const foreignKeysOff = migration.sqliteForeignKeysOff === true && k.getExecutor().adapter instanceof SqliteAdapter;
    // Kysely's SQLite dialect drives one connection, so the pragma holds for the transaction below.
    const enforcedBefore = foreignKeysOff && (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(k)).rows[0]?.foreign_keys === 1;
    if (foreignKeysOff) await sql`pragma foreign_keys = off`.execute(k);
    try {
      await k.transaction().execute(async (trx) => {
        await migration.up(trx);
        if (foreignKeysOff) {
          const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(trx);
          if (broken.rows.length > 0) throw new Error(`foreign keys broken in ${[...new Set(broken.rows.map((r) => r.table))].join(', ')}`);
        }
        await trx.insertInto('schema_migrations').values({ name, applied_at: new Date().toISOString() }).execute();
      });
    } catch (e) {
      throw new MigrationFailedError(name, e);
    } finally {
      if (enforcedBefore) await sql`pragma foreign_keys = on`.execute(k);
    }
    done.push(name);
  }
  return done;
}

/** For tests and tools: the names recorded as applied. */
export async function appliedMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
  return r.rows.map((x) => x.name);
}
