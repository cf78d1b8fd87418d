import { sql, type Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * What prints on a partnership's reports and whom its public pages name (src/domain/partnership-details.ts):
 * the protective marking line, "OFFICIAL" for every existing partnership as for new ones, and the
 * contact for the accessibility statement and privacy notice, empty until an administrator sets
 * it. Each existing partnership then takes a fresh version from the counter, so phones pull it
 * again with its details at their next sync. New defaulted columns only; foreign keys stay on.
 * Frozen once released.
 */
export const partnershipDetails: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('partnerships')
      .addColumn('protective_marking', 'text', (c) => c.notNull().defaultTo('OFFICIAL'))
      .execute();
    for (const column of ['contact_email', 'contact_phone', 'data_controller']) {
      await db.schema
        .alterTable('partnerships')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    }
    const ids = await sql<{ id: string }>`select id from partnerships order by version`.execute(db);
    for (const { id } of ids.rows) {
      await sql`update sync_counter set value = value + 1 where id = 1`.execute(db);
      await sql`update partnerships set version = (select value from sync_counter where id = 1) where id = ${id}`.execute(db);
    }
  },
};
