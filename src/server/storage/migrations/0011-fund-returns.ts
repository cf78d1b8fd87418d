import type { Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * The PCC Community Safety Fund return: one document per plan (its funding period), replaced
 * whole on each save with a version check, and pulled by the partnership's coordinators. The
 * expenditure lines are JSON: they are only ever read and written together, as the template is.
 * A new table only; foreign keys stay on. Frozen once released.
 */
export const fundReturns: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('fund_returns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().unique().references('plans.id'))
      .addColumn('doc_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fund_returns_pull').on('fund_returns').columns(['partnership_id', 'version']).execute();
  },
};
