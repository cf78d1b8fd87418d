import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, seeded } from '../../support/storage-contract';

/** tx.fundReturns: one PCC return per plan. */
describeOnEachDatabase('the fund return store', (db) => {
  it('keeps fund returns, replacing the one of the plan with a fresh version', async () => {
    const s = await seeded(db.storage);
    const plan = (await db.storage.transaction((tx) => tx.plans.list(s.partnership.id)))[0]!;
    const doc = {
      id: randomUUID(),
      partnershipId: s.partnership.id,
      planId: plan.id,
      grantPence: 1_250_000,
      localAuthorityArea: 'South and Vale',
      councilContact: 'Jo',
      policeLead: 'Insp. Kaur',
      lines: [],
      updatedAt: ISO,
      updatedBy: s.coordinator.id,
    };
    const first = await db.storage.transaction((tx) => tx.fundReturns.save(doc));
    const second = await db.storage.transaction((tx) => tx.fundReturns.save({ ...doc, id: randomUUID(), grantPence: 1_300_000 }));
    expect(typeof second).toBe('number');
    expect(second).toBeGreaterThan(first);
    expect(await db.storage.transaction((tx) => tx.fundReturns.find(plan.id))).toEqual({ ...doc, grantPence: 1_300_000, version: second });
  });
});
