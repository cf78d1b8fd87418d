import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, seeded } from '../../support/storage-contract';

/** tx.reviews: quarterly reviews and sign-offs. */
describeOnEachDatabase('the review store', (db) => {
  it('keeps quarterly reviews and sign-offs, replacing one per action and quarter, or plan and quarter', async () => {
    const s = await seeded(db.storage);
    const plan = (await db.storage.transaction((tx) => tx.plans.list(s.partnership.id)))[0]!;
    const review = {
      id: randomUUID(),
      partnershipId: s.partnership.id,
      planId: plan.id,
      actionId: s.actionId,
      quarterStart: '2018-04-01',
      rag: 'amber' as const,
      commentary: 'Behind',
      remedialAction: 'More sessions',
      updatedAt: ISO,
      updatedBy: s.coordinator.id,
    };
    await db.storage.transaction((tx) => tx.reviews.save(review));
    await db.storage.transaction((tx) => tx.reviews.save({ ...review, id: randomUUID(), rag: 'green', commentary: 'Caught up' }));
    expect(await db.storage.transaction((tx) => tx.reviews.find(s.actionId, '2018-04-01'))).toEqual({ ...review, rag: 'green', commentary: 'Caught up' });

    const signOff = {
      id: randomUUID(),
      partnershipId: s.partnership.id,
      planId: plan.id,
      quarterStart: '2018-04-01',
      quarterEnd: '2018-06-30',
      signedOffAt: ISO,
      signedOffBy: s.coordinator.id,
      reopenedAt: null,
    };
    await db.storage.transaction((tx) => tx.reviews.saveSignOff(signOff));
    await db.storage.transaction((tx) => tx.reviews.saveSignOff({ ...signOff, id: randomUUID(), reopenedAt: '2026-05-04T00:00:00.000Z' }));
    expect(await db.storage.transaction((tx) => tx.reviews.listSignOffs(plan.id))).toEqual([{ ...signOff, reopenedAt: '2026-05-04T00:00:00.000Z' }]);
  });
});
