import { SqliteAdapter, type Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * Photos as evidence attached to outcomes: the JPEG bytes themselves, kept in the database beside
 * the outcome they belong to (a few hundred KB each, at most six per outcome), so a backup of the
 * database is a backup of the evidence and no second store needs securing. partnership_id is the
 * outcome's, copied so access checks need no join. The bytes are a blob in SQLite and would be
 * bytea in PostgreSQL.
 *
 * A new table only: nothing existing changes, foreign keys stay on. Frozen once released.
 */
export const photos: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    const binary = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';
    await db.schema
      .createTable('photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('outcome_id', 'text', (c) => c.notNull().references('outcomes.id'))
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', binary, (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('photos_outcome').on('photos').columns(['outcome_id']).execute();
  },
};
