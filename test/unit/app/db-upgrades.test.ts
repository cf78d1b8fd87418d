import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { FieldbookDb } from '../../../src/app/db/fieldbook-db';

const fixture = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as T;

/** Writes a database exactly as an old release did: its frozen schema, its frozen data. */
async function writeAsRelease(version: number, indexedDB: IDBFactory, name: string) {
  const schema = fixture<Record<string, string>>(`dexie-schema-v${version}.json`);
  const data = fixture<Record<string, unknown[]>>(`dexie-v${version}-data.json`);
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(version).stores(schema);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const table of old.tables) await table.bulkAdd(data[table.name] ?? []);
  });
  old.close();
  return data;
}

describe('upgrading a phone’s database', () => {
  it('v1 → v2 keeps every outcome and the whole outbox, and fetches versions afresh', async () => {
    const indexedDB = new IDBFactory();
    const v1 = await writeAsRelease(1, indexedDB, 'fieldbook-user-upgrade');

    const db = new FieldbookDb('fieldbook-user-upgrade', { indexedDB, IDBKeyRange });
    await db.open();

    expect(db.verno).toBe(8);
    expect(await db.outbox.count()).toBe(v1.outbox!.length);
    expect(await db.outbox.where('outcomeId').equals('7c8d9e0f-1a2b-4c3d-9e5f-6a7b8c9d0e1f').count()).toBe(1);
    const outcomes = await db.outcomes.orderBy('id').toArray();
    expect(outcomes.map((o) => [o.notes, o.syncState])).toEqual([
      ['synced before the upgrade', 'synced'],
      ['waiting when the app was updated', 'pending'],
      ['refused', 'rejected'],
    ]);
    for (const o of outcomes) expect(o).toMatchObject({ version: null, deletedAt: null, server: null, localDeleted: false });
    expect(outcomes[2]!.rejection?.code).toBe('not-found');
    expect(await db.meta.get('pullCursor')).toBeUndefined();
    expect((await db.meta.get('nextSeq'))?.value).toBe(3);
    expect((await db.meta.get('deviceId'))?.value).toBe('6f0d4c1e-8a4b-4c2e-9d7a-2b1f0e3c4d5a');
    expect(await db.actions.count()).toBe(1);
    db.close();
  });
});

describe('upgrading a phone’s database to outcome types', () => {
  it('v2 → v3 turns every outcome into an activity with its quantity, and keeps the queue sendable', async () => {
    const indexedDB = new IDBFactory();
    await writeAsRelease(2, indexedDB, 'fieldbook-user-upgrade-3');
    const db = new FieldbookDb('fieldbook-user-upgrade-3', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);

    // Measures count activities the way they counted before.
    const measures = (await db.measures.toArray()).sort((a, b) => a.position - b.position);
    expect(measures.map((m) => m.tally)).toEqual([
      { outcomeType: 'activity', where: null, figures: [{ kind: 'sum', field: 'quantity', label: 'attendees' }], target: null },
      { outcomeType: 'activity', where: null, figures: [{ kind: 'count', label: 'outcomes' }], target: null },
    ]);
    const byNotes = new Map((await db.outcomes.toArray()).map((o) => [o.notes, o]));
    expect(byNotes.get('synced before the upgrade')).toMatchObject({
      type: 'activity',
      details: { quantity: 14 },
      location: null,
      server: { type: 'activity', details: { quantity: 14 } },
    });
    expect(byNotes.get('a meeting, counted once')).toMatchObject({ details: { quantity: 1 } });
    expect(byNotes.get('changed twice while offline')).toMatchObject({ details: { quantity: 5 }, server: { details: { quantity: 3 } }, syncState: 'pending' });
    for (const o of byNotes.values()) {
      expect(o).not.toHaveProperty('measureId');
      expect(o).not.toHaveProperty('quantity');
    }

    // Every queued mutation is still there, in order, in the new shape.
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(outbox[0]!.args).toMatchObject({ type: 'activity', details: { quantity: 9 }, location: null, placeId: null });
    expect(outbox[0]!.args).not.toHaveProperty('measureId');
    expect(outbox[1]!.args).toEqual({ id: outbox[1]!.outcomeId, baseVersion: 41, changes: { details: { quantity: 5 } } });
    // A queued change of measure alone has nothing left to change: it becomes a no-op, not a gap.
    expect(outbox[2]!.args).toEqual({ id: outbox[2]!.outcomeId, baseVersion: 41, changes: { occurredOn: '2026-11-19' } });
    expect((await db.meta.get('nextSeq'))?.value).toBe(6);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.places.count()).toBe(0);
    db.close();
  });
});

describe('upgrading a phone’s database to plan-change notices', () => {
  it('v3 → v4 keeps every record, the queue and the draft exactly, and starts with no notices', async () => {
    const indexedDB = new IDBFactory();
    const v3 = await writeAsRelease(3, indexedDB, 'fieldbook-user-upgrade-4');
    const db = new FieldbookDb('fieldbook-user-upgrade-4', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.outcomes.toArray()).toEqual(v3.outcomes);
    expect(await db.outbox.toArray()).toEqual(v3.outbox);
    expect(await db.drafts.toArray()).toEqual(v3.drafts);
    expect(await db.places.toArray()).toEqual(v3.places);
    expect(await db.meta.orderBy('key').toArray()).toEqual(
      [...v3.meta!].sort((a, b) => String((a as { key: string }).key).localeCompare((b as { key: string }).key)),
    );
    expect(await db.notices.count()).toBe(0);
    db.close();
  });
});

describe('upgrading a phone’s database to outcome indexes', () => {
  it('v4 → v5 keeps every record and the queue exactly, and finds outcomes by author and time, and by action and day', async () => {
    const indexedDB = new IDBFactory();
    const v4 = await writeAsRelease(4, indexedDB, 'fieldbook-user-upgrade-5');
    const db = new FieldbookDb('fieldbook-user-upgrade-5', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.outcomes.toArray()).toEqual(v4.outcomes);
    expect(await db.outbox.toArray()).toEqual(v4.outbox);
    expect(await db.drafts.toArray()).toEqual(v4.drafts);
    const outcome = v4.outcomes![0] as { id: string; authorId: string; recordedAt: string; actionId: string; occurredOn: string };
    const byAuthor = await db.outcomes.where('[authorId+recordedAt]').between([outcome.authorId, Dexie.minKey], [outcome.authorId, Dexie.maxKey]).primaryKeys();
    expect(byAuthor).toEqual([outcome.id]);
    expect(await db.outcomes.where('[actionId+occurredOn]').equals([outcome.actionId, outcome.occurredOn]).primaryKeys()).toEqual([outcome.id]);
    expect(await db.outcomes.where('[actionId+occurredOn]').equals([outcome.actionId, '2000-01-01']).count()).toBe(0);
    db.close();
  });
});

describe('upgrading a phone’s database to server copies stored once', () => {
  it('v5 → v6 reads back every outcome exactly, and stores without its copy only an outcome that is its server copy', async () => {
    const indexedDB = new IDBFactory();
    const v5 = await writeAsRelease(5, indexedDB, 'fieldbook-user-upgrade-6');
    const db = new FieldbookDb('fieldbook-user-upgrade-6', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await db.outcomes.toArray())).toEqual(byId(v5.outcomes as { id: string }[]));
    expect(await db.outbox.toArray()).toEqual(v5.outbox);
    expect(await db.meta.toArray()).toEqual(expect.arrayContaining(v5.meta as object[]));
    db.close();

    // As stored, read past the app's middleware.
    const raw = new Dexie('fieldbook-user-upgrade-6', { indexedDB, IDBKeyRange });
    await raw.open();
    const stored = new Map((await raw.table('outcomes').toArray()).map((o: Record<string, unknown>) => [o.notes, o]));
    raw.close();
    // Pulled with nothing queued, and deleted here with the same fields: the copy is the record.
    expect('server' in stored.get('pulled, nothing queued')!).toBe(false);
    expect('server' in stored.get('deleted here, waiting')!).toBe(false);
    // Not on the server yet; edited here; a refused change: kept as they were.
    expect(stored.get('waiting when the app was updated to v5')!.server).toBeNull();
    const original = new Map((v5.outcomes as Record<string, unknown>[]).map((o) => [o.notes, o]));
    for (const notes of ['pulled, then edited here', 'a refused change']) expect(stored.get(notes)).toEqual(original.get(notes));
  });
});

describe('upgrading a phone’s database to a syncState index of what is not synced', () => {
  it('v6 → v7 reads back every outcome exactly, stores synced ones without syncState, and still finds outcomes by action', async () => {
    const indexedDB = new IDBFactory();
    const v6 = await writeAsRelease(6, indexedDB, 'fieldbook-user-upgrade-7');
    const db = new FieldbookDb('fieldbook-user-upgrade-7', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    // As the v6 release read them: its middleware put the server copy back where it was left out.
    const LOCAL = new Set(['syncState', 'rejection', 'server', 'localDeleted']);
    const asV6Read = (v6.outcomes as Record<string, unknown>[]).map((o) =>
      'server' in o ? o : { ...o, server: Object.fromEntries(Object.entries(o).filter(([k]) => !LOCAL.has(k))) },
    );
    expect(byId(await db.outcomes.toArray())).toEqual(byId(asV6Read as { id: string }[]));
    expect(await db.outbox.toArray()).toEqual(v6.outbox);
    expect(await db.meta.toArray()).toEqual(expect.arrayContaining(v6.meta as object[]));
    // The index answers what it is asked for: waiting and refused outcomes.
    const notes = (rows: { notes: string | null }[]) => rows.map((o) => o.notes).sort();
    expect(notes(await db.outcomes.where('syncState').equals('rejected').toArray())).toEqual(['a refused change']);
    expect(notes(await db.outcomes.where('syncState').equals('pending').toArray())).toEqual([
      'deleted here, waiting',
      'pulled, then edited here',
      'waiting when the app was updated to v5',
    ]);
    // No actionId index any more; the compound one answers by action.
    expect(db.outcomes.schema.indexes.map((i) => i.name)).not.toContain('actionId');
    const actionId = (v6.outcomes as { actionId: string }[])[0]!.actionId;
    expect(await db.outcomes.where('actionId').equals(actionId).count()).toBe(
      (v6.outcomes as { actionId: string }[]).filter((o) => o.actionId === actionId).length,
    );
    db.close();

    // As stored, read past the app's middleware.
    const raw = new Dexie('fieldbook-user-upgrade-7', { indexedDB, IDBKeyRange });
    await raw.open();
    const stored = new Map((await raw.table('outcomes').toArray()).map((o: Record<string, unknown>) => [o.notes, o]));
    raw.close();
    expect('syncState' in stored.get('pulled, nothing queued')!).toBe(false);
    expect('server' in stored.get('pulled, nothing queued')!).toBe(false);
    const original = new Map((v6.outcomes as Record<string, unknown>[]).map((o) => [o.notes, o]));
    for (const n of ['pulled, then edited here', 'a refused change', 'deleted here, waiting', 'waiting when the app was updated to v5'])
      expect(stored.get(n)).toEqual(original.get(n));
  });
});

describe('upgrading a phone’s database to areas and partner organisations as records', () => {
  it('v7 → v8 keeps every record, the queue, the drafts and meta exactly, and starts with no areas', async () => {
    const indexedDB = new IDBFactory();
    const v7 = await writeAsRelease(7, indexedDB, 'fieldbook-user-upgrade-8');
    const db = new FieldbookDb('fieldbook-user-upgrade-8', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.areas.count()).toBe(0);
    expect(await db.organisations.count()).toBe(0);
    db.close();

    // As stored, read past the app's middleware: not one outcome, queued mutation or draft rewritten.
    const raw = new Dexie('fieldbook-user-upgrade-8', { indexedDB, IDBKeyRange });
    await raw.open();
    const byId = (rows: unknown[]) => [...(rows as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await raw.table('outcomes').toArray())).toEqual(byId(v7.outcomes!));
    expect(await raw.table('outbox').toArray()).toEqual(v7.outbox);
    expect(await raw.table('drafts').toArray()).toEqual(v7.drafts);
    expect(await raw.table('places').toArray()).toEqual(v7.places);
    expect(await raw.table('partnerships').toArray()).toEqual(v7.partnerships);
    // The queued outcome still names only its town: the server finds the area by it.
    const queued = (await raw.table('outbox').toArray()).find((e: { kind: string }) => e.kind === 'outcome.create') as { args: Record<string, unknown> };
    expect(queued.args.town).toBe('Didcot');
    expect('areaId' in queued.args).toBe(false);
    // Meta too: the server's new cursor protocol starts the next pull from nothing (outcomes come
    // again with their areas); the last town stays for the first form, which finds its area by the name.
    const meta = await raw.table('meta').toArray();
    raw.close();
    expect(meta).toEqual(v7.meta);
    expect(meta).toContainEqual({ key: 'lastTown', value: 'Didcot' });
  });
});
