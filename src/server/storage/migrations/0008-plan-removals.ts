import type { Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * Plan records a coordinator takes out of a plan (an objective, priority, indicator, action or
 * measure), so that phones drop them on their next pull. The record's own row is deleted; this
 * row says so, with a version from the sync counter like every pulled row. An action merged into
 * another names it (merged_into): outcomes logged against the old action while a phone was
 * offline are moved there when they arrive. No foreign key on merged_into: the action it names
 * may itself be merged later, and the chain is followed.
 *
 * A new table only: nothing existing changes, foreign keys stay on. Frozen once released.
 */
export const planRemovals: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('plan_removals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('record_table', 'text', (c) => c.notNull())
      .addColumn('merged_into', 'text')
      .addColumn('removed_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('removed_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plan_removals_pull').on('plan_removals').columns(['partnership_id', 'version']).execute();
  },
};
