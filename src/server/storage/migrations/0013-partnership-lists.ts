import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * A partnership's areas and partner organisations become records (docs/decisions/0044-areas-and-organisations.md):
 * two tables of the same shape, pulled like the plan, whose entries are renamed in place and
 * retired, never deleted. name_key is the name as compared (trimmed, lower case in en-GB): one
 * "Banbury" per partnership, retired entries included, held by a unique index. Outcomes gain
 * area_id (SQLite allows ADD COLUMN with REFERENCES when the default is NULL: no rebuild, foreign
 * keys stay on).
 *
 * What exists becomes entries:
 * - Areas: each partnership's towns, in use; then any other town an outcome or a place names
 *   (typed before the list changed), retired, so nothing logged loses its area. Outcomes get the
 *   area of their town's name, case aside; the town column keeps the name as logged.
 * - Organisations: the distinct lead agencies of every action. The importer already split cells at
 *   ";" and line breaks; a name is split once more only where it starts with one acronym and " and "
 *   ("CSPs and Safer Oxfordshire Partnership" is two organisations). Nothing else is split:
 *   "Police and Crime Commissioner", "Licensing and Community Safety Service Manager" and
 *   "Fire & Rescue" each name one. A name longer than an organisation's name may be (200) is left
 *   out rather than cut: the administrator adds it by hand.
 * Names have runs of spaces (tabs, line breaks) made one space and other control characters taken
 * out, as entry names allow none. Each row takes a version from the sync counter.
 *
 * partnerships.towns_json is dropped: the names of the areas in use are the one list of towns now,
 * and the pull computes a partnership's towns from them for phones of an earlier release. A copy
 * left behind would only go stale. Inlines what it needs (no domain imports). Frozen once released.
 */
export const partnershipLists: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['areas', 'organisations']) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('retired', 'integer', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex(`${table}_name`).on(table).columns(['partnership_id', 'name_key']).unique().execute();
      await db.schema.createIndex(`${table}_pull`).on(table).columns(['partnership_id', 'version']).execute();
    }
    await db.schema
      .alterTable('outcomes')
      .addColumn('area_id', 'text', (c) => c.references('areas.id'))
      .execute();

    let version = Number((await sql<{ value: number | string }>`select value from sync_counter where id = 1`.execute(db)).rows[0]!.value);
    const insert = async (table: 'areas' | 'organisations', partnershipId: string, name: string, retired: boolean) => {
      const id = randomUUID();
      version += 1;
      await sql`insert into ${sql.table(table)} (id, partnership_id, name, name_key, retired, version)
        values (${id}, ${partnershipId}, ${name}, ${keyOf(name)}, ${retired ? 1 : 0}, ${version})`.execute(db);
      return id;
    };

    const partnerships = (await sql<{ id: string; towns_json: string }>`select id, towns_json from partnerships order by id`.execute(db)).rows;
    const townsUsed = (
      await sql<{ partnership_id: string; town: string }>`select distinct partnership_id, town from outcomes where town is not null
        union select distinct partnership_id, town from places order by 1, 2`.execute(db)
    ).rows;
    const agencies = (await sql<{ partnership_id: string; lead_agencies_json: string }>`select partnership_id, lead_agencies_json from actions`.execute(db))
      .rows;

    for (const p of partnerships) {
      const areaIds = new Map<string, string>();
      for (const town of JSON.parse(p.towns_json) as string[]) {
        const name = cleanName(town);
        if (name && !areaIds.has(keyOf(name))) areaIds.set(keyOf(name), await insert('areas', p.id, name, false));
      }
      for (const { town } of townsUsed.filter((t) => t.partnership_id === p.id)) {
        const name = cleanName(town);
        if (name && !areaIds.has(keyOf(name))) areaIds.set(keyOf(name), await insert('areas', p.id, name, true));
      }
      for (const { town } of townsUsed.filter((t) => t.partnership_id === p.id)) {
        const areaId = areaIds.get(keyOf(cleanName(town)));
        if (areaId) await sql`update outcomes set area_id = ${areaId} where partnership_id = ${p.id} and town = ${town}`.execute(db);
      }

      const organisations = new Map<string, string>();
      for (const row of agencies.filter((a) => a.partnership_id === p.id)) {
        for (const agency of JSON.parse(row.lead_agencies_json) as string[]) {
          for (const part of splitAgency(cleanName(agency))) {
            if (part && part.length <= 200 && !organisations.has(keyOf(part))) organisations.set(keyOf(part), part);
          }
        }
      }
      for (const name of [...organisations.values()].sort((a, b) => a.localeCompare(b, 'en-GB'))) await insert('organisations', p.id, name, false);
    }
    await sql`update sync_counter set value = ${version} where id = 1`.execute(db);
    await db.schema.alterTable('partnerships').dropColumn('towns_json').execute();
  },
};

/** The name as compared: what the unique index holds (as src/domain/partnership-lists.ts compares names in 2026). */
const keyOf = (name: string) => name.trim().toLocaleLowerCase('en-GB');

// eslint-disable-next-line no-control-regex -- taking control characters out is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const cleanName = (text: string) => text.replace(/\s+/g, ' ').replace(CONTROL, '').trim();

/** "CSPs and Safer Oxfordshire Partnership" → two; anything not starting with one acronym and " and " stays whole. */
function splitAgency(name: string): string[] {
  const m = /^([A-Z]{2,}s?) and (\S.*)$/.exec(name);
  return m ? [m[1]!, m[2]!] : [name];
}
