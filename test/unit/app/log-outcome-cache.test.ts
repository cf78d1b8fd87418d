import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { outcomeFor } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { logOutcome, OutcomeNotValidError, PossibleDuplicateError } from '../../../src/app/data/log-outcome';
import { addPlace } from '../../../src/app/data/places';
import { FieldbookDb } from '../../../src/app/db/fieldbook-db';
import { emptyChanges, type PullResponse } from '../../../src/domain/sync/pull';
import type { OutcomeTypeId } from '../../../src/domain/outcome-types/catalogue';

// logOutcome keeps the phone's plan in memory between saves (phone-plan-cache.ts) and reads the
// sequence number with its other reads: these are the guarantees that must survive that.

const user = { id: crypto.randomUUID(), name: 'Sam Patel' };

async function deviceWithPlan(db = newTestDb()) {
  await applyPullPage(db, southAndValePage(user.id), user.id);
  return db;
}

function page(patch: (changes: PullResponse['changes']) => void): PullResponse {
  const changes = emptyChanges();
  patch(changes);
  return { reset: false, changes, cursor: 'next', more: false };
}

async function nothingWritten(db: FieldbookDb) {
  expect(await db.outcomes.count()).toBe(0);
  expect(await db.outbox.count()).toBe(0);
  expect(await db.meta.get('nextSeq')).toBeUndefined();
  expect(await db.meta.get('lastArea')).toBeUndefined();
}

describe('saving against the plan kept in memory', () => {
  it('checks against the plan a pull just brought: an action taken out is refused, and nothing is written', async () => {
    const db = await deviceWithPlan();
    const values = await outcomeFor(db, '22');
    await logOutcome(db, user, values);
    const action = (await db.actions.get(values.actionId))!;

    await applyPullPage(
      db,
      page((c) => c.removals.push({ id: action.id, table: 'actions', planId: action.planId, mergedInto: null, removedAt: new Date().toISOString() })),
      user.id,
    );
    const err = await logOutcome(db, user, { ...values, town: 'Thame' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(OutcomeNotValidError);
    expect((err as OutcomeNotValidError).problems).toEqual([{ field: 'actionId', message: 'This action is no longer in the plan on this phone' }]);
    expect(await db.outcomes.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.meta.get('nextSeq'))?.value).toBe(2);
  });

  it('checks against the plan of a pull that was still running when the save began', async () => {
    const db = await deviceWithPlan();
    const values = await outcomeFor(db, '22');
    await logOutcome(db, user, values);
    const action = (await db.actions.get(values.actionId))!;

    // Both start in the same tick: the save's transaction waits for the pull's to commit.
    const pull = applyPullPage(
      db,
      page((c) => c.removals.push({ id: action.id, table: 'actions', planId: action.planId, mergedInto: null, removedAt: new Date().toISOString() })),
      user.id,
    );
    const save = logOutcome(db, user, { ...values, town: 'Thame' }).catch((e: unknown) => e);
    await pull;

    expect(((await save) as OutcomeNotValidError).problems?.map((p) => p.field)).toEqual(['actionId']);
    expect(await db.outcomes.count()).toBe(1);
  });

  it('checks against a measure a pull just changed', async () => {
    const db = await deviceWithPlan();
    const values = await outcomeFor(db, '22');
    await logOutcome(db, user, values);
    const measures = await db.measures.where('actionId').equals(values.actionId).toArray();
    const otherType: OutcomeTypeId = values.type === 'engagement-event' ? 'training-session' : 'engagement-event';

    await applyPullPage(
      db,
      page((c) => c.measures.push(...measures.map((m) => ({ ...m, tally: { ...m.tally, outcomeType: otherType, where: null } })))),
      user.id,
    );
    const err = await logOutcome(db, user, { ...values, town: 'Thame' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(OutcomeNotValidError);
    expect((err as OutcomeNotValidError).problems.map((p) => p.field)).toEqual(['type']);
  });

  it('checks against the plan another tab just pulled into the same database', async () => {
    const indexedDB = new IDBFactory();
    const here = await deviceWithPlan(new FieldbookDb('two-tabs', { indexedDB, IDBKeyRange }));
    const otherTab = new FieldbookDb('two-tabs', { indexedDB, IDBKeyRange });
    const values = await outcomeFor(here, '22');
    await logOutcome(here, user, values);
    const action = (await here.actions.get(values.actionId))!;

    await applyPullPage(
      otherTab,
      page((c) => c.removals.push({ id: action.id, table: 'actions', planId: action.planId, mergedInto: null, removedAt: new Date().toISOString() })),
      user.id,
    );
    const err = await logOutcome(here, user, { ...values, town: 'Thame' }).catch((e: unknown) => e);

    expect((err as OutcomeNotValidError).problems.map((p) => p.field)).toEqual(['actionId']);
    here.close();
    otherTab.close();
  });

  it('sees a place that came into the register after the last save', async () => {
    const db = await deviceWithPlan();
    const visit = await outcomeFor(db, '3', 3);
    const partnershipId = (await db.partnerships.toArray())[0]!.id;
    const placeId = crypto.randomUUID();
    // The unknown place is remembered as missing...
    const missing = await logOutcome(db, user, { ...visit, placeId }).catch((e: unknown) => e);
    expect((missing as OutcomeNotValidError).problems.map((p) => p.field)).toEqual(['placeId']);
    await db.places.add({
      id: placeId,
      recordedAt: new Date().toISOString(),
      ...{ partnershipId, kind: 'safe-place', name: 'Didcot Library', town: 'Didcot', address: null, point: null, status: 'active', joinedOn: '2026-01-10' },
      ...{ version: 3, createdBy: null, updatedAt: null, syncState: 'synced' },
    });
    // ...until the register changes.
    const saved = await logOutcome(db, user, { ...visit, placeId });
    expect(saved.placeId).toBe(placeId);
  });
});

describe('the sequence number read with the save', () => {
  it('numbers saves consecutively, with other writers to the outbox in between', async () => {
    const db = await deviceWithPlan();
    const partnershipId = (await db.partnerships.toArray())[0]!.id;
    const first = await logOutcome(db, user, await outcomeFor(db, '22'));
    const second = await logOutcome(db, user, await outcomeFor(db, '19'));
    const place = await addPlace(db, {
      partnershipId,
      kind: 'safe-place',
      name: 'Didcot Library',
      town: 'Didcot',
      address: null,
      point: null,
      status: 'active',
      joinedOn: '2026-01-10',
    });
    const third = await logOutcome(db, user, await outcomeFor(db, '3'));

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.outcomeId])).toEqual([
      [1, first.id],
      [2, second.id],
      [3, place.id],
      [4, third.id],
    ]);
    expect((await db.meta.get('nextSeq'))?.value).toBe(5);
  });

  it('numbers saves started together one after the other, never the same number twice', async () => {
    const db = await deviceWithPlan();
    const values = await Promise.all(['22', '19', '3'].map((ref) => outcomeFor(db, ref)));
    const saved = await Promise.all(values.map((v) => logOutcome(db, user, v)));

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(new Set(outbox.map((e) => e.outcomeId))).toEqual(new Set(saved.map((o) => o.id)));
    expect((await db.meta.get('nextSeq'))?.value).toBe(4);
  });
});

describe('the one-round save (plan in memory, this tab saved last)', () => {
  it('numbers saves started together after a first save one after the other', async () => {
    const db = await deviceWithPlan();
    await logOutcome(db, user, await outcomeFor(db, '22'));
    const values = await Promise.all(['Thame', 'Wantage', 'Abingdon'].map((town) => outcomeFor(db, '22', 0, { town })));
    // All three start from the same guess (2); the second and third find it taken and read again.
    await Promise.all(values.map((v) => logOutcome(db, user, v)));

    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await db.meta.get('nextSeq'))?.value).toBe(5);
    expect(await db.outcomes.count()).toBe(4);
  });

  it('when its outbox entry fails to write, nothing lands', async () => {
    const db = await deviceWithPlan();
    const first = await outcomeFor(db, '22');
    await logOutcome(db, user, first);
    // An entry at the next number that the counter does not know about (a damaged counter).
    await db.outbox.add({ seq: 2, kind: 'outcome.create', args: {}, outcomeId: 'someone-else', createdAt: new Date().toISOString() });
    await db.drafts.put({ key: 'log:x', values: {}, updatedAt: new Date().toISOString() });

    const err = await logOutcome(db, user, await outcomeFor(db, '22', 0, { town: 'Wantage' }), new Date(), { draftKey: 'log:x' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(Error);
    expect(await db.outcomes.count()).toBe(1);
    expect((await db.meta.get('nextSeq'))?.value).toBe(2);
    expect((await db.meta.get('lastArea'))?.value).toBe(first.areaId);
    expect(await db.drafts.get('log:x')).toBeDefined();
  });

  it('keeps the last area right when another tab changed it since', async () => {
    const db = await deviceWithPlan();
    const didcot = await outcomeFor(db, '22');
    await logOutcome(db, user, didcot);
    await db.meta.put({ key: 'lastArea', value: (await outcomeFor(db, '22', 0, { town: 'Thame' })).areaId! });
    await logOutcome(db, user, await outcomeFor(db, '22', 0, { occurredOn: '2026-01-05' }));
    expect((await db.meta.get('lastArea'))?.value).toBe(didcot.areaId);
  });
});

describe('a save that fails leaves nothing behind', () => {
  it('when a write fails: no outcome, no outbox entry, no number taken, the draft kept', async () => {
    const db = await deviceWithPlan();
    // An outbox entry already holding the next number makes the save's own entry fail to write.
    await db.outbox.add({ seq: 1, kind: 'outcome.create', args: {}, outcomeId: 'someone-else', createdAt: new Date().toISOString() });
    await db.drafts.put({ key: 'log:x', values: { notes: 'half typed' }, updatedAt: new Date().toISOString() });

    const err = await logOutcome(db, user, await outcomeFor(db, '22', 0, { town: 'Wantage' }), new Date(), { draftKey: 'log:x' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(Error);
    expect(await db.outcomes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.meta.get('nextSeq')).toBeUndefined();
    expect(await db.meta.get('lastArea')).toBeUndefined();
    expect(await db.drafts.get('log:x')).toBeDefined();
  });

  it('when the duplicate guard asks: nothing written until the officer confirms', async () => {
    const db = await deviceWithPlan();
    const values = await outcomeFor(db, '22');
    const first = await logOutcome(db, user, values);
    await db.meta.delete('lastArea');

    const err = await logOutcome(db, user, { ...values, notes: 'again' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(PossibleDuplicateError);
    expect((await db.outcomes.toArray()).map((o) => o.id)).toEqual([first.id]);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.meta.get('nextSeq'))?.value).toBe(2);
    expect(await db.meta.get('lastArea')).toBeUndefined();
  });

  it('when the plan check refuses, on a phone whose plan is already in memory', async () => {
    const db = await deviceWithPlan();
    const values = await outcomeFor(db, '22');
    // Fill the cache with a refused save first, then refuse again from memory.
    for (let i = 0; i < 2; i++) {
      const err = await logOutcome(db, user, { ...values, details: { ...values.details, attendees: -4 } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OutcomeNotValidError);
    }
    await nothingWritten(db);
  });
});
