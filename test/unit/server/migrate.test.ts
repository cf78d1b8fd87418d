import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Migration } from 'kysely';
import { afterEach, describe, it, expect } from 'vitest';
import { appliedMigrations, DatabaseTooNewError, migrateToLatest, MigrationFailedError } from '../../../src/server/storage/migrate';
import { migrations } from '../../../src/server/storage/migrations';

const ALL = Object.keys(migrations).sort();

const opened: Kysely<unknown>[] = [];

function freshDb(): Kysely<unknown> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  opened.push(db);
  return db;
}

/** The real migrations up to and including number n: a migration's test stays as frozen as the migration. */
const upTo = (n: number) => Object.fromEntries(Object.entries(migrations).filter(([name]) => Number(name.slice(0, 4)) <= n));

async function tableNames(db: Kysely<unknown>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  return r.rows.map((row) => row.name);
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

describe('migrateToLatest', () => {
  it('applies the real migrations to a fresh database and records them', async () => {
    const db = freshDb();
    expect(ALL.slice(0, 3)).toEqual(['0001-initial', '0002-sign-in-throttle', '0003-audit-log']);
    expect(await migrateToLatest(db)).toEqual(ALL);
    expect(await appliedMigrations(db)).toEqual(ALL);
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining(['schema_migrations', 'partnerships', 'users', 'memberships', 'sign_in_throttle', 'audit_log']),
    );
  });

  it('applies nothing when run again', async () => {
    const db = freshDb();
    await migrateToLatest(db);
    expect(await migrateToLatest(db)).toEqual([]);
    expect(await appliedMigrations(db)).toEqual(ALL);
  });

  it('applies migrations in name order', async () => {
    const db = freshDb();
    const order: string[] = [];
    const record = (name: string): Migration => ({
      up: () => {
        order.push(name);
        return Promise.resolve();
      },
    });
    expect(await migrateToLatest(db, { '0002-b': record('0002-b'), '0001-a': record('0001-a') })).toEqual(['0001-a', '0002-b']);
    expect(order).toEqual(['0001-a', '0002-b']);
  });

  it('rolls back a failing migration, keeping the ones before it', async () => {
    const db = freshDb();
    const migrations: Record<string, Migration> = {
      '0001-good': {
        async up(trx) {
          await trx.schema.createTable('kept').addColumn('id', 'integer').execute();
        },
      },
      '0002-broken': {
        async up(trx) {
          await trx.schema.createTable('half_made').addColumn('id', 'integer').execute();
          throw new Error('disk on fire');
        },
      },
    };

    const e = await errorOf(migrateToLatest(db, migrations));
    expect(e).toBeInstanceOf(MigrationFailedError);
    expect((e as MigrationFailedError).migrationName).toBe('0002-broken');
    expect((e as Error).message).toMatch(/0002-broken.*disk on fire/);

    const tables = await tableNames(db);
    expect(tables).toContain('kept');
    expect(tables).not.toContain('half_made');
    expect(await appliedMigrations(db)).toEqual(['0001-good']);
  });

  it('refuses a database that records a migration this code does not know', async () => {
    const db = freshDb();
    await migrateToLatest(db);
    await sql`insert into schema_migrations (name, applied_at) values ('0099-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(db);

    const e = await errorOf(migrateToLatest(db));
    expect(e).toBeInstanceOf(DatabaseTooNewError);
    expect((e as DatabaseTooNewError).unknownMigrations).toEqual(['0099-from-the-future']);
    expect((e as Error).message).toMatch(/0099-from-the-future/);
  });
});

describe('0005-outcome-types on a database that release 0004 wrote', () => {
  it('turns outcomes into activities with their quantity, keeps history and foreign keys, and converts the tally rules', async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    opened.push(db);
    await migrateToLatest(db, upTo(4));
    sqlite.exec(readFileSync(new URL('../../fixtures/sqlite-0004-data.sql', import.meta.url), 'utf8'));

    expect(await migrateToLatest(db, upTo(5))).toEqual(['0005-outcome-types']);

    const outcomes = sqlite.prepare('select id, outcome_type, details_json, location_json, field_versions_json from outcomes order by id').all();
    expect(outcomes).toEqual([
      { id: 'out-count', outcome_type: 'activity', details_json: '{"quantity":1}', location_json: null, field_versions_json: '{}' },
      { id: 'out-sum', outcome_type: 'activity', details_json: '{"quantity":14}', location_json: null, field_versions_json: '{"town":10,"details":10}' },
    ]);
    const columns = (sqlite.prepare('pragma table_info(outcomes)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('measure_id');
    expect(columns).not.toContain('quantity');
    const tallies = (sqlite.prepare('select tally_json from measures order by position').all() as { tally_json: string }[]).map(
      (r) => JSON.parse(r.tally_json) as unknown,
    );
    expect(tallies).toEqual([
      { outcomeType: 'activity', where: null, figures: [{ kind: 'sum', field: 'quantity', label: 'attendees' }], target: null },
      { outcomeType: 'activity', where: null, figures: [{ kind: 'count', label: 'outcomes' }], target: null },
    ]);
    // History still points at its outcome, enforcement is back on, and the pull index exists again.
    expect(sqlite.prepare('select count(*) as n from outcome_history').get()).toEqual({ n: 1 });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(() => sqlite.prepare("insert into outcome_history values ('h2', 'missing', 'p1', 11, 'update', 'town', '1', '2', 0, 'u1', 'x')").run()).toThrow(
      /FOREIGN KEY/,
    );
    const indexes = (sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'outcomes'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(indexes).toEqual(expect.arrayContaining(['outcomes_pull', 'outcomes_action']));
  });
});

describe('0006-places on a database that release 0005 wrote', () => {
  it('adds an empty, writable places table and a place_id of null to every outcome, keeping their data and foreign keys', async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    opened.push(db);
    await migrateToLatest(db, upTo(5));
    sqlite.exec(readFileSync(new URL('../../fixtures/sqlite-0005-data.sql', import.meta.url), 'utf8'));
    const before = sqlite.prepare('select * from outcomes order by id').all() as Record<string, unknown>[];
    const historyBefore = sqlite.prepare('select * from outcome_history order by id').all();

    expect(await migrateToLatest(db, upTo(6))).toEqual(['0006-places']);

    const after = sqlite.prepare('select * from outcomes order by id').all() as Record<string, unknown>[];
    expect(after).toEqual(before.map((o) => ({ ...o, place_id: null })));
    expect(after.map((o) => o.id)).toEqual(['out-deleted', 'out-joined', 'out-training']);
    expect(sqlite.prepare('select * from outcome_history order by id').all()).toEqual(historyBefore);
    expect(sqlite.prepare('select count(*) as n from places').get()).toEqual({ n: 0 });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const indexes = (sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'places'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(indexes).toContain('places_pull');

    // Writable, and its foreign keys hold: a place needs its partnership and creator, an outcome's place must exist.
    const insertPlace = sqlite.prepare('insert into places values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const place = [
      'pl1',
      'p1',
      'safe-place',
      'Didcot Pharmacy',
      'Didcot',
      null,
      '{"lat":51.608,"lng":-1.241,"accuracyM":12}',
      'active',
      '2026-05-01',
      '2026-05-01T10:00:00Z',
      'u1',
      '2026-05-01T10:01:00Z',
      13,
    ];
    insertPlace.run(...place);
    expect(() => insertPlace.run('pl2', 'p-missing', ...place.slice(2))).toThrow(/FOREIGN KEY/);
    expect(() => insertPlace.run('pl3', 'p1', ...place.slice(2, 10), 'u-missing', ...place.slice(11))).toThrow(/FOREIGN KEY/);
    sqlite.prepare("update outcomes set place_id = 'pl1' where id = 'out-joined'").run();
    expect(sqlite.prepare("select place_id from outcomes where id = 'out-joined'").get()).toEqual({ place_id: 'pl1' });
    expect(() => sqlite.prepare("update outcomes set place_id = 'pl-missing' where id = 'out-training'").run()).toThrow(/FOREIGN KEY/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('0007-photos on a database that release 0006 wrote', () => {
  it('adds an empty photos table whose bytes round-trip as a blob, keeping every earlier table and foreign keys', async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    opened.push(db);
    await migrateToLatest(db, upTo(6));
    sqlite.exec(readFileSync(new URL('../../fixtures/sqlite-0006-data.sql', import.meta.url), 'utf8'));
    const snapshot = () => ({
      outcomes: sqlite.prepare('select * from outcomes order by id').all(),
      places: sqlite.prepare('select * from places order by id').all(),
      history: sqlite.prepare('select * from outcome_history order by id').all(),
      audit: sqlite.prepare('select * from audit_log order by seq').all(),
    });
    const before = snapshot();

    expect(await migrateToLatest(db, upTo(7))).toEqual(['0007-photos']);

    expect(snapshot()).toEqual(before);
    expect(sqlite.prepare('select count(*) as n from photos').get()).toEqual({ n: 0 });
    const columns = sqlite.prepare('pragma table_info(photos)').all() as { name: string; type: string; notnull: number; pk: number }[];
    expect(columns.map((c) => [c.name, c.type.toLowerCase(), c.notnull || c.pk])).toEqual([
      ['id', 'text', 1],
      ['outcome_id', 'text', 1],
      ['partnership_id', 'text', 1],
      ['uploaded_by', 'text', 1],
      ['mime', 'text', 1],
      ['bytes', 'integer', 1],
      ['width', 'integer', 1],
      ['height', 'integer', 1],
      ['sha256', 'text', 1],
      ['data', 'blob', 1],
      ['uploaded_at', 'text', 1],
    ]);
    const indexes = (sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'photos'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(indexes).toContain('photos_outcome');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);

    // Writable, the bytes come back as they went in, and its foreign keys hold.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
    const insertPhoto = sqlite.prepare('insert into photos values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const photo = ['ph1', 'out-joined', 'p1', 'u1', 'image/jpeg', jpeg.length, 1600, 1200, 'a'.repeat(64), jpeg, '2026-05-01T10:05:00Z'];
    insertPhoto.run(...photo);
    expect(sqlite.prepare("select data, typeof(data) as kind from photos where id = 'ph1'").get()).toEqual({ data: jpeg, kind: 'blob' });
    expect(() => insertPhoto.run('ph2', 'out-missing', ...photo.slice(2))).toThrow(/FOREIGN KEY/);
    expect(() => insertPhoto.run('ph3', 'out-joined', 'p-missing', ...photo.slice(3))).toThrow(/FOREIGN KEY/);
    expect(() => insertPhoto.run('ph4', 'out-joined', 'p1', 'u-missing', ...photo.slice(4))).toThrow(/FOREIGN KEY/);
    expect(() => insertPhoto.run('ph5', ...photo.slice(1, 9), null, photo[10])).toThrow(/NOT NULL/);
    expect(() => insertPhoto.run(...photo)).toThrow(/UNIQUE|PRIMARY KEY/);
    // An outcome with a photo cannot be removed from under it (outcomes are only ever tombstoned anyway).
    expect(() => sqlite.prepare("delete from outcomes where id = 'out-joined'").run()).toThrow(/FOREIGN KEY/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('0010-member-admin on a database that release 0009 wrote', () => {
  it('gives every existing user must_change_password 0, keeping users, memberships and sessions as they were', async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    opened.push(db);
    await migrateToLatest(db, upTo(9));
    sqlite.exec(readFileSync(new URL('../../fixtures/sqlite-0009-data.sql', import.meta.url), 'utf8'));
    const snapshot = () => ({
      memberships: sqlite.prepare('select * from memberships order by user_id, partnership_id').all(),
      sessions: sqlite.prepare('select * from sessions').all(),
    });
    const users = sqlite.prepare('select * from users order by id').all() as Record<string, unknown>[];
    const before = snapshot();

    expect(await migrateToLatest(db, upTo(10))).toEqual(['0010-member-admin']);

    expect(sqlite.prepare('select * from users order by id').all()).toEqual(users.map((u) => ({ ...u, must_change_password: 0 })));
    expect(snapshot()).toEqual(before);
    const column = (sqlite.prepare('pragma table_info(users)').all() as { name: string; type: string; notnull: number; dflt_value: string | null }[]).find(
      (c) => c.name === 'must_change_password',
    );
    expect(column && [column.type.toLowerCase(), column.notnull, column.dflt_value]).toEqual(['integer', 1, '0']);
    // A user written the old way (no value for the column) gets 0; one flagged keeps 1; none can be null.
    sqlite
      .prepare("insert into users (id, email, name, password_hash, active, created_at) values ('u4', 'new@example.org', 'New', 'x', 1, '2026-06-01T00:00:00Z')")
      .run();
    sqlite.prepare("insert into users values ('u5', 'temp@example.org', 'Temp', 'x', 1, '2026-06-01T00:00:00Z', 1)").run();
    expect(sqlite.prepare("select id, must_change_password from users where id in ('u4', 'u5') order by id").all()).toEqual([
      { id: 'u4', must_change_password: 0 },
      { id: 'u5', must_change_password: 1 },
    ]);
    expect(() => sqlite.prepare("update users set must_change_password = null where id = 'u1'").run()).toThrow(/NOT NULL/);
    // 'admin' is just another role value: the column was always text.
    sqlite.prepare("update memberships set role = 'admin' where user_id = 'u2' and partnership_id = 'p1'").run();
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('0013-partnership-lists on a database that release 0012 wrote', () => {
  it('makes towns areas (others named by outcomes and places retired), lead agencies organisations, and gives outcomes their area', async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    opened.push(db);
    await migrateToLatest(db, upTo(12));
    sqlite.exec(readFileSync(new URL('../../fixtures/sqlite-0012-data.sql', import.meta.url), 'utf8'));
    const outcomesBefore = sqlite.prepare('select * from outcomes order by id').all() as Record<string, unknown>[];

    expect(await migrateToLatest(db, upTo(13))).toEqual(['0013-partnership-lists']);

    type Entry = { id: string; partnership_id: string; name: string; name_key: string; retired: number; version: number };
    const areas = sqlite.prepare('select * from areas order by partnership_id, name_key').all() as Entry[];
    expect(areas.map((a) => [a.partnership_id, a.name, a.name_key, a.retired])).toEqual([
      ['p1', 'Abingdon', 'abingdon', 1],
      ['p1', 'Didcot', 'didcot', 0],
      ['p1', 'Thame', 'thame', 0],
      ['p1', 'Wallingford', 'wallingford', 1],
      ['p1', 'Wantage', 'wantage', 0],
      ['p2', 'Didcot', 'didcot', 0],
    ]);
    const organisations = sqlite.prepare("select name, retired from organisations where partnership_id = 'p1' order by name_key").all();
    expect(organisations).toEqual(
      [
        'CSPs',
        'District Councils Licensing and Community Safety Service Manager',
        'Fire & Rescue',
        'Police and Crime Commissioner',
        'Safer Oxfordshire Partnership',
        'TVP',
      ].map((name) => ({ name, retired: 0 })),
    );
    expect(sqlite.prepare("select count(*) as n from organisations where partnership_id = 'p2'").get()).toEqual({ n: 0 });

    // Each outcome under its partnership's area of that name, case aside; its town as logged; nothing else changed.
    const areaOf = (p: string, name: string) => areas.find((a) => a.partnership_id === p && a.name === name)!.id;
    const after = sqlite.prepare('select * from outcomes order by id').all() as Record<string, unknown>[];
    const expected: Record<string, string | null> = { 'out-didcot': areaOf('p1', 'Didcot'), 'out-gone': areaOf('p1', 'Wallingford'), 'out-wide': null };
    expect(after).toEqual(outcomesBefore.map((o) => ({ ...o, area_id: expected[o.id as string] })));

    // Versions from the counter, above everything before; the counter moved past them.
    const versions = [...areas, ...(sqlite.prepare('select version from organisations').all() as { version: number }[])].map((e) => e.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(Math.min(...versions)).toBe(12);
    expect(sqlite.prepare('select value from sync_counter').get()).toEqual({ value: Math.max(...versions) });

    // towns_json is gone; names are unique case aside per partnership; an outcome's area must exist.
    expect((sqlite.prepare('pragma table_info(partnerships)').all() as { name: string }[]).map((c) => c.name)).toEqual(['id', 'name', 'version']);
    expect(() => sqlite.prepare("insert into areas values ('x', 'p1', 'THAME', 'thame', 0, 99)").run()).toThrow(/UNIQUE/);
    sqlite.prepare("insert into areas values ('x2', 'p2', 'Thame', 'thame', 0, 99)").run();
    expect(() => sqlite.prepare("update outcomes set area_id = 'missing' where id = 'out-wide'").run()).toThrow(/FOREIGN KEY/);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('0014-partnership-details on a database that release 0013 wrote', () => {
  it('marks every partnership OFFICIAL with an empty contact, and gives each a fresh version so phones pull it again', async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    opened.push(db);
    await migrateToLatest(db, upTo(13));
    sqlite.exec(readFileSync(new URL('../../fixtures/sqlite-0013-data.sql', import.meta.url), 'utf8'));
    const others = () => ({
      users: sqlite.prepare('select * from users order by id').all(),
      memberships: sqlite.prepare('select * from memberships order by user_id').all(),
    });
    const before = others();

    expect(await migrateToLatest(db, upTo(14))).toContain('0014-partnership-details');

    expect(
      sqlite.prepare('select id, name, protective_marking, contact_email, contact_phone, data_controller, version from partnerships order by version').all(),
    ).toEqual([
      { id: 'p2', name: 'Oxfordshire', protective_marking: 'OFFICIAL', contact_email: '', contact_phone: '', data_controller: '', version: 8 },
      { id: 'p1', name: 'South and Vale', protective_marking: 'OFFICIAL', contact_email: '', contact_phone: '', data_controller: '', version: 9 },
    ]);
    expect(sqlite.prepare('select value from sync_counter').get()).toEqual({ value: 9 });
    expect(others()).toEqual(before);
    // A partnership written the old way (no values for the new columns) gets the defaults; none can be null.
    sqlite.prepare("insert into partnerships (id, name, version) values ('p3', 'New', 10)").run();
    expect(sqlite.prepare("select protective_marking, contact_email from partnerships where id = 'p3'").get()).toEqual({
      protective_marking: 'OFFICIAL',
      contact_email: '',
    });
    expect(() => sqlite.prepare("update partnerships set protective_marking = null where id = 'p1'").run()).toThrow(/NOT NULL/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
