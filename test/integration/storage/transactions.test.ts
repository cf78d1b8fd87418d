import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, errorOf } from '../../support/storage-contract';

/** Storage.transaction and StorageTx.takeVersion: all or nothing, and versions in order. */
describeOnEachDatabase('transactions and the version counter', (db) => {
  it('commits everything a transaction wrote together, or nothing of it when it throws', async () => {
    const lost = randomUUID();
    const thrown = await errorOf(
      db.storage.transaction(async (tx) => {
        await tx.plans.insertPartnership({ id: lost, name: 'Lost CSP' });
        throw new Error('the request failed half way');
      }),
    );
    expect(thrown.message).toBe('the request failed half way');
    expect(await db.storage.transaction((tx) => tx.plans.findPartnership(lost))).toBeUndefined();

    const kept = randomUUID();
    await db.storage.transaction((tx) => tx.plans.insertPartnership({ id: kept, name: 'Kept CSP' }));
    expect(await db.storage.transaction((tx) => tx.plans.findPartnership('Kept CSP'), 'read')).toMatchObject({
      id: kept,
      name: 'Kept CSP',
    });
  });

  it('hands out versions one after another, as numbers, and never the same one twice', async () => {
    const taken = await db.storage.transaction(async (tx) => [await tx.takeVersion(), await tx.takeVersion(), await tx.takeVersion()]);
    const next = await db.storage.transaction((tx) => tx.takeVersion());
    for (const v of [...taken, next]) expect(typeof v).toBe('number');
    expect([...taken, next]).toEqual([taken[0]!, taken[0]! + 1, taken[0]! + 2, taken[0]! + 3]);
    // A transaction that fails gives its versions back with everything else it did.
    await errorOf(
      db.storage.transaction(async (tx) => {
        await tx.takeVersion();
        throw new Error('rolled back');
      }),
    );
    expect(await db.storage.transaction((tx) => tx.takeVersion())).toBe(next + 1);
  });
});
