import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Edits and deletes of outcomes. An outcome is never removed: a delete sets deleted_at (the
 * tombstone every device pulls). field_versions_json records the version at which each field last
 * changed, so an edit based on an older version can be recognised as a conflict on that field.
 * outcome_history keeps every change, field by field, and is append-only like the audit log.
 * Frozen once released.
 */
export const outcomeEdits: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('outcomes').addColumn('deleted_at', 'text').execute();
    await db.schema
      .alterTable('outcomes')
      .addColumn('field_versions_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema
      .createTable('outcome_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('outcome_id', 'text', (c) => c.notNull().references('outcomes.id'))
      .addColumn('partnership_id', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('from_json', 'text', (c) => c.notNull())
      .addColumn('to_json', 'text', (c) => c.notNull())
      .addColumn('conflict', 'integer', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outcome_history_outcome').on('outcome_history').columns(['outcome_id', 'version']).execute();
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      await sql`create trigger outcome_history_no_update before update on outcome_history begin select raise(abort, 'outcome_history is append-only'); end`.execute(
        db,
      );
      await sql`create trigger outcome_history_no_delete before delete on outcome_history begin select raise(abort, 'outcome_history is append-only'); end`.execute(
        db,
      );
    }
  },
};
