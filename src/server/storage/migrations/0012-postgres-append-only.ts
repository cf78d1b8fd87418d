import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * The audit log and outcome history are append-only, enforced by the database itself. SQLite got
 * its triggers in 0003 and 0004; this gives PostgreSQL the same: a trigger refusing UPDATE and
 * DELETE on each. (TRUNCATE fires no row trigger, so a statement trigger refuses it as well.)
 * Nothing to do on SQLite. Frozen once released.
 */
export const postgresAppendOnly: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
    await sql`create function fieldbook_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name using errcode = 'integrity_constraint_violation';
      end
    $$`.execute(db);
    for (const table of ['audit_log', 'outcome_history']) {
      await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function fieldbook_refuse_change()`.execute(
        db,
      );
      await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function fieldbook_refuse_change()`.execute(
        db,
      );
    }
  },
};
