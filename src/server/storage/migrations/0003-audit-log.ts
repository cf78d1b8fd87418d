import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * The audit log: who created, changed or deleted what, and when. Append-only, and enforced so by
 * the database itself: triggers refuse UPDATE and DELETE, so not even a bug in Fieldbook can
 * rewrite history. (PostgreSQL gets the equivalent triggers in 0012-postgres-append-only.)
 * Frozen once released.
 */
export const auditLog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().unique())
      .addColumn('partnership_id', 'text')
      .addColumn('actor_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('details_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_partnership').on('audit_log').columns(['partnership_id', 'seq']).execute();
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    }
  },
};
