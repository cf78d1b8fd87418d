import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * Outcome types. An outcome no longer names one measure and a bare quantity: it has a type from
 * the catalogue and that type's details, plus an optional location, and every measure of its
 * action whose rule matches counts it. Measures' tally rules gain the type they count.
 *
 * Existing data keeps its meaning: every earlier outcome becomes an "activity" with its quantity
 * (1 where it had none, as a count measure counted it once), and every earlier measure counts
 * activities the way it counted before (count → count, sum of a unit → sum of quantity).
 * The conversion is written out here, not imported from src/domain, so this migration stays
 * frozen however the domain changes later. The device applies the same conversion to its own
 * copy (src/app/db/upgrades/v3-outcome-types.ts).
 *
 * SQLite cannot drop a NOT NULL column that a foreign key uses, so outcomes is rebuilt by the
 * 12-step procedure (sqlite.org/lang_altertable.html#otheralter) with foreign keys off; the
 * runner checks them before committing. Frozen once released.
 */
export const outcomeTypes: FieldbookMigration = {
  sqliteForeignKeysOff: true,
  async up(db: Kysely<unknown>) {
    await convertMeasureTallies(db);
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      await sql`create table outcomes_new (
        id text primary key,
        partnership_id text not null references partnerships(id),
        action_id text not null references actions(id),
        outcome_type text not null,
        details_json text not null,
        author_id text not null references users(id),
        device_id text not null references devices(id),
        occurred_on text not null,
        town text,
        location_json text,
        notes text not null,
        recorded_at text not null,
        received_at text not null,
        version bigint not null,
        deleted_at text,
        field_versions_json text not null default '{}'
      )`.execute(db);
      await sql`insert into outcomes_new
        select id, partnership_id, action_id, 'activity', json_object('quantity', coalesce(quantity, 1)), author_id, device_id,
               occurred_on, town, null, notes, recorded_at, received_at, version, deleted_at,
               ${FIELD_VERSIONS_SQLITE}
        from outcomes`.execute(db);
      await sql`drop table outcomes`.execute(db);
      await sql`alter table outcomes_new rename to outcomes`.execute(db);
    } else {
      await sql`alter table outcomes add column outcome_type text not null default 'activity'`.execute(db);
      await sql`alter table outcomes add column details_json text not null default '{}'`.execute(db);
      await sql`alter table outcomes add column location_json text`.execute(db);
      await sql`update outcomes set details_json = json_build_object('quantity', coalesce(quantity, 1))::text,
        field_versions_json = (field_versions_json::jsonb - 'measureId' - 'quantity'
          || case when field_versions_json::jsonb ? 'quantity' then jsonb_build_object('details', field_versions_json::jsonb -> 'quantity') else '{}'::jsonb end)::text`.execute(
        db,
      );
      await sql`alter table outcomes drop column measure_id`.execute(db);
      await sql`alter table outcomes drop column quantity`.execute(db);
      await sql`alter table outcomes alter column outcome_type drop default`.execute(db);
      await sql`alter table outcomes alter column details_json drop default`.execute(db);
    }
    await db.schema.createIndex('outcomes_pull').ifNotExists().on('outcomes').columns(['partnership_id', 'version']).execute();
    await db.schema.createIndex('outcomes_action').on('outcomes').columns(['action_id']).execute();
  },
};

/** field_versions_json: an edit of quantity is now an edit of details; measureId is gone. */
const FIELD_VERSIONS_SQLITE = sql`case when json_extract(field_versions_json, '$.quantity') is not null
  then json_set(json_remove(field_versions_json, '$.measureId', '$.quantity'), '$.details', json_extract(field_versions_json, '$.quantity'))
  else json_remove(field_versions_json, '$.measureId') end`;

async function convertMeasureTallies(db: Kysely<unknown>) {
  const rows = await sql<{ id: string; tally_json: string }>`select id, tally_json from measures`.execute(db);
  for (const row of rows.rows) {
    const old = JSON.parse(row.tally_json) as { kind: string; unit?: string };
    if (old.kind !== 'count' && old.kind !== 'sum') continue;
    const figure =
      old.kind === 'sum' ? { kind: 'sum', field: 'quantity', label: (old.unit ?? 'in total').slice(0, 100) } : { kind: 'count', label: 'outcomes' };
    const tally = { outcomeType: 'activity', where: null, figures: [figure], target: null };
    await sql`update measures set tally_json = ${JSON.stringify(tally)} where id = ${row.id}`.execute(db);
  }
}
