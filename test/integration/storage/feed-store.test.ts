import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, outcome, seeded } from '../../support/storage-contract';

/** tx.feed: what devices pull, every table read in one snapshot. */
describeOnEachDatabase('the feed store', (db) => {
  it('reads changes after a version for the given partnerships only, lowest versions first, a page per table', async () => {
    const s = await seeded(db.storage);
    const other = randomUUID();
    await db.storage.transaction((tx) => tx.plans.insertPartnership({ id: other, name: 'Other CSP' }));
    const everything = await db.storage.transaction((tx) => tx.feed.changesSince([s.partnership.id], [], 0, 5000), 'read');
    expect(everything.partnerships.map((p) => p.record.id)).toEqual([s.partnership.id]);
    expect(everything.actions.length).toBe(28);
    expect(everything.measures.length).toBe(65);
    const versions = Object.values(everything).flatMap((rows) => rows.map((r) => r.version));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.every((v) => typeof v === 'number')).toBe(true);

    const after = Math.max(...versions);
    const mine = outcome(s, await db.storage.transaction((tx) => tx.takeVersion()));
    const deleted = outcome(s, await db.storage.transaction((tx) => tx.takeVersion()), { deletedAt: ISO, notes: 'secret' });
    await db.storage.transaction(async (tx) => {
      await tx.outcomes.insertMany([mine]);
      await tx.outcomes.insertMany([deleted]);
    });
    const page = await db.storage.transaction((tx) => tx.feed.changesSince([s.partnership.id], [], after, 1), 'read');
    expect(page.outcomes.map((r) => r.version)).toEqual([mine.version]);
    expect(page.outcomes[0]!.record).toMatchObject({ id: mine.id, authorName: 'Sam Patel', notes: 'Held at the library' });
    expect(page.actions).toEqual([]);
    const rest = await db.storage.transaction((tx) => tx.feed.changesSince([s.partnership.id], [], mine.version, 10), 'read');
    expect(rest.outcomes.map((r) => [r.record.id, r.record.notes])).toEqual([[deleted.id, null]]);
    expect((await db.storage.transaction((tx) => tx.feed.changesSince([other], [], 0, 10), 'read')).outcomes).toEqual([]);
    expect(await db.storage.transaction((tx) => tx.feed.changesSince([], [], 0, 10), 'read')).toMatchObject({ partnerships: [], outcomes: [] });
  });

  it('sends reviews and fund returns only of partnerships the user coordinates, sign-offs to every member, each with the name of who wrote it', async () => {
    const s = await seeded(db.storage);
    const plan = (await db.storage.transaction((tx) => tx.plans.list(s.partnership.id)))[0]!;
    const scope = { partnershipId: s.partnership.id, planId: plan.id };
    await db.storage.transaction(async (tx) => {
      const by = { updatedAt: ISO, updatedBy: s.coordinator.id };
      await tx.reviews.save({
        id: randomUUID(),
        ...scope,
        ...by,
        actionId: s.actionId,
        quarterStart: '2018-04-01',
        rag: 'red',
        commentary: '',
        remedialAction: '',
      });
      await tx.reviews.saveSignOff({
        id: randomUUID(),
        ...scope,
        quarterStart: '2018-04-01',
        quarterEnd: '2018-06-30',
        signedOffAt: ISO,
        signedOffBy: s.coordinator.id,
        reopenedAt: null,
      });
      await tx.fundReturns.save({ id: randomUUID(), ...scope, ...by, grantPence: 1, localAuthorityArea: '', councilContact: '', policeLead: '', lines: [] });
    });
    const pull = (coordinatorOf: string[]) => db.storage.transaction((tx) => tx.feed.changesSince([s.partnership.id], coordinatorOf, 0, 5000), 'read');

    const officer = await pull([]);
    expect(officer.reviews).toEqual([]);
    expect(officer.fundReturns).toEqual([]);
    expect(officer.signOffs.map((r) => r.record)).toEqual([expect.objectContaining({ planId: plan.id, signedOffByName: 'Jo Bennett' })]);
    expect((await pull([randomUUID()])).reviews).toEqual([]);

    const coordinator = await pull([s.partnership.id]);
    expect(coordinator.reviews.map((r) => r.record)).toEqual([expect.objectContaining({ actionId: s.actionId, rag: 'red', updatedByName: 'Jo Bennett' })]);
    expect(coordinator.fundReturns.map((r) => r.record)).toEqual([expect.objectContaining({ planId: plan.id, grantPence: 1, updatedByName: 'Jo Bennett' })]);
    // What the device is sent: no partnership or user ids beside the name.
    for (const record of [coordinator.reviews[0]!.record, coordinator.fundReturns[0]!.record, coordinator.signOffs[0]!.record]) {
      for (const stored of ['partnershipId', 'updatedBy', 'signedOffBy']) expect(record).not.toHaveProperty(stored);
    }
  });
});
