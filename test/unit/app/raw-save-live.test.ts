// Dexie's liveQuery only runs its querier when a global indexedDB exists (dexie/Dexie.js#2046), as
// in test/component/setup.ts; first, so Dexie sees it when it loads. Each device still has its own.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Dexie, liveQuery, type ObservabilitySet } from 'dexie';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { outcomeFor } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { logOutcome } from '../../../src/app/data/log-outcome';
import type { FieldbookDb } from '../../../src/app/db/fieldbook-db';

// The one-round save writes with raw IndexedDB (decision 36) and announces its writes on Dexie's
// own channel. These fail if Dexie stops hearing it (a renamed channel in a Dexie upgrade) or if
// the announcement misses a part a live query watches: a screen that would not update after a save.

const user = { id: crypto.randomUUID(), name: 'Sam Patel' };

async function deviceWithPlan() {
  const db = newTestDb();
  await applyPullPage(db, southAndValePage(user.id), user.id);
  return db;
}

/** The live query's next value that satisfies the check (a subscription, as useLiveQuery makes). */
function watch<T>(query: () => Promise<T>) {
  const waiting: { check: (v: T) => boolean; resolve: (v: T) => void }[] = [];
  let latest: { value: T } | undefined;
  const subscription = liveQuery(query).subscribe((value) => {
    latest = { value };
    for (const w of waiting.splice(0)) {
      if (w.check(value)) w.resolve(value);
      else waiting.push(w);
    }
  });
  return {
    until: (check: (v: T) => boolean) =>
      new Promise<T>((resolve) => {
        if (latest && check(latest.value)) resolve(latest.value);
        else waiting.push({ check, resolve });
      }),
    stop: () => subscription.unsubscribe(),
  };
}

/** Saves once the usual way, so the next save of the same action is the one-round one (and checks it was). */
async function firstSave(db: FieldbookDb) {
  const first = await logOutcome(db, user, await outcomeFor(db, '22'));
  const backend = vi.spyOn(db, 'backendDB');
  return { first, tookRawPath: () => backend.mock.calls.length > 0 };
}

describe('a one-round save seen by live queries', () => {
  it('a live list of the action’s outcomes (a cached index query) gets the new outcome', async () => {
    const db = await deviceWithPlan();
    const { first, tookRawPath } = await firstSave(db);
    const live = watch(() => db.outcomes.where('actionId').equals(first.actionId).toArray());
    await live.until((list) => list.length === 1);

    const second = await logOutcome(db, user, await outcomeFor(db, '22', 0, { town: 'Thame' }));

    expect(tookRawPath()).toBe(true);
    const list = await live.until((l) => l.length === 2);
    expect(list.map((o) => o.id).sort()).toEqual([first.id, second.id].sort());
    live.stop();
  });

  it('live counts of the outbox and the officer’s latest outcomes move, and the deleted draft goes', async () => {
    const db = await deviceWithPlan();
    const { tookRawPath } = await firstSave(db);
    await db.drafts.put({ key: 'log:x', values: {}, updatedAt: new Date().toISOString() });
    const queued = watch(() => db.outbox.count());
    const latest = watch(() => db.outcomes.where('[authorId+recordedAt]').between([user.id, ''], [user.id, '\uffff']).reverse().limit(1).toArray());
    const draft = watch(() => db.drafts.get('log:x'));
    await queued.until((n) => n === 1);
    await draft.until((d) => d !== undefined);

    const second = await logOutcome(db, user, await outcomeFor(db, '22', 0, { town: 'Thame' }), new Date(Date.now() + 1000), { draftKey: 'log:x' });

    expect(tookRawPath()).toBe(true);
    expect(await queued.until((n) => n === 2)).toBe(2);
    expect((await latest.until((l) => l[0]?.id === second.id))[0]!.town).toBe('Thame');
    expect(await draft.until((d) => d === undefined)).toBeUndefined();
    for (const l of [queued, latest, draft]) l.stop();
  });

  it('announces every index of every record written, as Dexie would', async () => {
    const db = await deviceWithPlan();
    const { tookRawPath } = await firstSave(db);
    const heard = new Promise<ObservabilitySet>((resolve) => {
      const listener = (parts: ObservabilitySet) => {
        if (!Object.keys(parts).some((k) => k.startsWith(`idb://${db.name}/outbox/`))) return;
        Dexie.on.storagemutated.unsubscribe(listener);
        resolve(parts);
      };
      Dexie.on.storagemutated.subscribe(listener);
    });

    const second = await logOutcome(db, user, await outcomeFor(db, '22', 0, { town: 'Thame' }));
    const parts = await heard;

    expect(tookRawPath()).toBe(true);
    const names = Object.keys(parts).map((k) => k.slice(`idb://${db.name}/`.length));
    for (const index of db.outcomes.schema.indexes) expect(names).toContain(`outcomes/${index.name}`);
    for (const index of db.outbox.schema.indexes) expect(names).toContain(`outbox/${index.name}`);
    expect(names).toEqual(expect.arrayContaining(['outcomes/', 'outcomes/:dels', 'outbox/', 'meta/']));
    expect(second.id).toBeDefined();
  });
});
