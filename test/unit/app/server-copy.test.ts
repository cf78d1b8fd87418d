import { describe, expect, it } from 'vitest';
import type { DBCore, DBCoreOpenCursorRequest, DBCoreTable } from 'dexie';
import { serverCopyMiddleware } from '../../../src/app/db/server-copy';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { formValuesOf, outcomeFor } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { logOutcome } from '../../../src/app/data/log-outcome';
import { deleteOutcome, discardRejected, editOutcome } from '../../../src/app/data/change-outcome';
import type { FieldbookDb } from '../../../src/app/db/fieldbook-db';
import type { LocalOutcome } from '../../../src/app/db/local-records';
import { emptyChanges, type PullResponse } from '../../../src/domain/sync/pull';
import type { OutcomeRecord } from '../../../src/domain/outcome';

const user = { id: crypto.randomUUID(), name: 'Sam Patel' };
/** The same officer as edits and deletes know them: no partnership where they coordinate. */
const officer = { ...user, memberships: [] };

async function deviceWithPlan() {
  const db = newTestDb();
  await applyPullPage(db, southAndValePage(user.id), user.id);
  return db;
}

/** The record as IndexedDB holds it, read past Dexie and its middleware. */
function stored(db: FieldbookDb, id: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = db.backendDB().transaction('outcomes').objectStore('outcomes').get(id);
    req.onsuccess = () => resolve(req.result as Record<string, unknown>);
    req.onerror = () => reject(req.error ?? new Error('read failed'));
  });
}

/** What the server would send back for an outcome logged here: the same, with its version. */
function fromServer(o: LocalOutcome, version: number, extra: Partial<OutcomeRecord> = {}): OutcomeRecord {
  const { syncState: _s, server: _v, localDeleted: _d, rejection: _r, ...record } = o;
  return { ...record, areaId: record.areaId ?? null, version, receivedAt: '2026-11-27T12:00:00.000Z', ...extra };
}

function pageOf(outcomes: OutcomeRecord[], cursor: string): PullResponse {
  return { reset: false, changes: { ...emptyChanges(), outcomes }, cursor, more: false };
}

describe('the server copy of an outcome, stored once when it is the record itself', () => {
  it('stores a pulled outcome with nothing queued without its copy, and reads it back with the copy', async () => {
    const db = await deviceWithPlan();
    const logged = await logOutcome(db, user, await outcomeFor(db, '22'), undefined, { confirmDuplicate: true });
    await db.outbox.clear(); // as if the push was answered
    const server = fromServer(logged, 7);
    await applyPullPage(db, pageOf([server], 'c1'), user.id);

    expect('server' in (await stored(db, logged.id))).toBe(false);
    const read = (await db.outcomes.get(logged.id))!;
    expect(read).toEqual({ ...server, syncState: 'synced', server, localDeleted: false });
    // Every way of reading gives the same record: by key, by index, in bulk, by cursor.
    expect(await db.outcomes.where('actionId').equals(logged.actionId).toArray()).toEqual([read]);
    expect(await db.outcomes.bulkGet([logged.id])).toEqual([read]);
    const seen: LocalOutcome[] = [];
    await db.outcomes.each((o) => void seen.push(o));
    expect(seen).toEqual([read]);
  });

  it('keeps the server copy in full while an edit is queued on top, and after a pull rebases it', async () => {
    const db = await deviceWithPlan();
    const logged = await logOutcome(db, user, await outcomeFor(db, '22'), undefined, { confirmDuplicate: true });
    await db.outbox.clear();
    const v7 = fromServer(logged, 7);
    await applyPullPage(db, pageOf([v7], 'c1'), user.id);

    const edited = await editOutcome(db, officer, logged.id, { ...formValuesOf(logged), town: 'Thame' });
    expect(edited.server).toEqual(v7);
    expect((await stored(db, logged.id)).server).toEqual(v7);
    expect((await db.outcomes.get(logged.id))!.server).toEqual(v7);

    // Another device changed the notes meanwhile: the pull brings v8; the queued town stays on top.
    const v8 = { ...v7, version: 8, notes: 'changed elsewhere' };
    await applyPullPage(db, pageOf([v8], 'c2'), user.id);
    const rebased = (await db.outcomes.get(logged.id))!;
    expect(rebased).toMatchObject({ town: 'Thame', notes: 'changed elsewhere', version: 8, syncState: 'pending', server: v8 });
    expect((await stored(db, logged.id)).server).toEqual(v8);
  });

  it('keeps server: null for an outcome the server does not have yet', async () => {
    const db = await deviceWithPlan();
    const logged = await logOutcome(db, user, await outcomeFor(db, '22'), undefined, { confirmDuplicate: true });
    expect((await stored(db, logged.id)).server).toBeNull();
    expect((await db.outcomes.get(logged.id))!.server).toBeNull();
  });

  it('a delete waiting here keeps the copy reconstructible, and a refused change is undone to the server’s copy', async () => {
    const db = await deviceWithPlan();
    const logged = await logOutcome(db, user, await outcomeFor(db, '22'), undefined, { confirmDuplicate: true });
    await db.outbox.clear();
    const v7 = fromServer(logged, 7);
    await applyPullPage(db, pageOf([v7], 'c1'), user.id);

    await deleteOutcome(db, officer, logged.id);
    expect((await db.outcomes.get(logged.id))!).toMatchObject({ localDeleted: true, server: v7 });

    // The delete is refused: the phone marks it, the outbox entry goes; discarding restores v7.
    const o = (await db.outcomes.get(logged.id))!;
    await db.outbox.clear();
    await db.outcomes.put({ ...o, syncState: 'rejected', rejection: { code: 'forbidden', message: 'Signed off.', fieldErrors: [], kind: 'outcome.delete' } });
    await discardRejected(db, logged.id);
    expect(await db.outcomes.get(logged.id)).toEqual({ ...v7, syncState: 'synced', server: v7, localDeleted: false });
    expect('server' in (await stored(db, logged.id))).toBe(false);
  });

  it('an outcome moved to another action by a merge keeps the server’s copy as the server sent it', async () => {
    const db = await deviceWithPlan();
    const logged = await logOutcome(db, user, await outcomeFor(db, '22'), undefined, { confirmDuplicate: true });
    await db.outbox.clear();
    const v7 = fromServer(logged, 7);
    await applyPullPage(db, pageOf([v7], 'c1'), user.id);
    const other = (await db.actions.where('ref').equals('3').first())!;
    await db.outcomes.where('actionId').equals(logged.actionId).modify({ actionId: other.id });
    expect(await db.outcomes.get(logged.id)).toMatchObject({ actionId: other.id, server: v7 });
    expect((await stored(db, logged.id)).server).toEqual(v7);
  });
});

describe('the sync state of an outcome, stored only when it is not synced (database v7)', () => {
  it('keeps the syncState index to waiting and refused outcomes as records change state, and reads every record with its state', async () => {
    const db = await deviceWithPlan();
    const a = await logOutcome(db, user, await outcomeFor(db, '22'), undefined, { confirmDuplicate: true });
    const b = await logOutcome(db, user, { ...(await outcomeFor(db, '22')), notes: 'second' }, undefined, { confirmDuplicate: true });
    expect((await stored(db, a.id)).syncState).toBe('pending');
    const inIndex = async (state: LocalOutcome['syncState']) => (await db.outcomes.where('syncState').equals(state).primaryKeys()).sort();
    expect(await inIndex('pending')).toEqual([a.id, b.id].sort());

    // Both pushed and pulled back: synced, stored without the field, gone from the index.
    await db.outbox.clear();
    await applyPullPage(db, pageOf([fromServer(a, 7), fromServer(b, 8)], 'c1'), user.id);
    expect('syncState' in (await stored(db, a.id))).toBe(false);
    expect((await db.outcomes.get(a.id))!.syncState).toBe('synced');
    expect(await db.outcomes.where('syncState').notEqual('synced').count()).toBe(0);

    // An edit waits (pending again, in the index); another is refused.
    await editOutcome(db, officer, a.id, { ...formValuesOf(a), town: 'Thame' });
    await db.outcomes.update(b.id, {
      syncState: 'rejected',
      rejection: { code: 'forbidden', message: 'Signed off.', fieldErrors: [], kind: 'outcome.update' },
    });
    expect(await inIndex('pending')).toEqual([a.id]);
    expect(await inIndex('rejected')).toEqual([b.id]);
    expect((await db.outcomes.toArray()).map((o) => o.syncState).sort()).toEqual(['pending', 'rejected']);
  });

  it('a reset pull drops synced outcomes but never one waiting or refused', async () => {
    const db = await deviceWithPlan();
    const [synced, , refused] = await Promise.all(
      ['synced', 'waiting', 'refused'].map(async (notes) =>
        logOutcome(db, user, { ...(await outcomeFor(db, '22')), notes }, undefined, { confirmDuplicate: true }),
      ),
    );
    await db.outbox.where('outcomeId').anyOf([synced!.id, refused!.id]).delete();
    await applyPullPage(db, pageOf([fromServer(synced!, 7)], 'c1'), user.id);
    await db.outcomes.update(refused!.id, {
      syncState: 'rejected',
      rejection: { code: 'forbidden', message: 'Signed off.', fieldErrors: [], kind: 'outcome.create' },
    });

    await applyPullPage(db, { ...southAndValePage(user.id), reset: true, cursor: 'c2' }, user.id);
    expect((await db.outcomes.toArray()).map((o) => [o.notes, o.syncState]).sort()).toEqual([
      ['refused', 'rejected'],
      ['waiting', 'pending'],
    ]);
  });
});

describe('the server-copy middleware over a browser cursor', () => {
  it('forwards every cursor read to the cursor itself, whose getters refuse any other `this` (as IDBCursor’s do)', async () => {
    const record = { id: 'a', notes: 'n', syncState: 'synced', localDeleted: false };
    class BrandedCursor {
      #value = record;
      get key() {
        return this.#value.id;
      }
      get primaryKey() {
        return this.#value.id;
      }
      get value() {
        return this.#value;
      }
    }
    const branded = new BrandedCursor();
    const table = { name: 'outcomes', openCursor: () => Promise.resolve(branded) } as unknown as DBCoreTable;
    const core = serverCopyMiddleware.create({ table: () => table } as unknown as DBCore) as DBCore;
    const cursor = (await core.table('outcomes').openCursor({ values: true } as DBCoreOpenCursorRequest))!;
    expect([cursor.key, cursor.primaryKey]).toEqual(['a', 'a']);
    expect(cursor.value).toEqual({ ...record, server: { id: 'a', notes: 'n' } });
    expect(cursor.value).toBe(cursor.value);
  });
});
