import type { Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * Place registers: the venues a partnership's schemes are made of (Safe Places, hate crime
 * reporting centres, Hotel Watch hotels, licensed premises), pulled by every member like the plan.
 * An outcome may name the place it is about (a Safe Place visited): outcomes gain a nullable
 * place_id, NULL for every outcome logged before, so nothing existing changes meaning.
 *
 * SQLite allows ADD COLUMN with REFERENCES when the column's default is NULL, so no rebuild is
 * needed and foreign keys stay on. Frozen once released.
 */
export const places: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('places')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('town', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('point_json', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('joined_on', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('places_pull').on('places').columns(['partnership_id', 'version']).execute();
    await db.schema
      .alterTable('outcomes')
      .addColumn('place_id', 'text', (c) => c.references('places.id'))
      .execute();
  },
};
