import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The first schema. Frozen: once shipped, a migration is never edited; changes come as new
 * numbered migrations. Portable DDL only (text, integer, bigint), so PostgreSQL can run it too.
 */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sync_counter')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into sync_counter (id, value) values (1, 0)`.execute(db);

    await db.schema
      .createTable('partnerships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('towns_json', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('memberships')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('job_title', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'partnership_id'])
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('idle_expires_at', 'text', (c) => c.notNull())
      .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('objectives')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('priorities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id'))
      .addColumn('priority_id', 'text', (c) => c.references('priorities.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('actions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('priority_id', 'text', (c) => c.notNull().references('priorities.id'))
      .addColumn('ref', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('lead_agencies_json', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('see_also_json', 'text', (c) => c.notNull())
      .addColumn('owner_ids_json', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('measures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('tally_json', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('outcomes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id'))
      .addColumn('measure_id', 'text', (c) => c.notNull().references('measures.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer')
      .addColumn('town', 'text')
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sync_rejections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('args_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    // Pull scans each table by (partnership_id, version).
    for (const table of ['partnerships', 'plans', 'objectives', 'priorities', 'indicators', 'actions', 'measures', 'outcomes']) {
      const scope = table === 'partnerships' ? 'id' : 'partnership_id';
      await db.schema.createIndex(`${table}_pull`).on(table).columns([scope, 'version']).execute();
    }
  },
};
