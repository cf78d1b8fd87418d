import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, errorOf, outcome, seeded } from '../../support/storage-contract';

/** tx.outcomes: outcomes, their edits, tombstones and history. */
describeOnEachDatabase('the outcome store', (db) => {
  it('stores outcomes, applies edits field by field, keeps tombstones and history, and the history cannot be rewritten', async () => {
    const s = await seeded(db.storage);
    const v1 = await db.storage.transaction((tx) => tx.takeVersion());
    const o = outcome(s, v1, { location: { lat: 51.608, lng: -1.241, accuracyM: 12 } });
    await db.storage.transaction((tx) => tx.outcomes.insertMany([o]));
    expect(await db.storage.transaction((tx) => tx.outcomes.find(o.id))).toEqual(o);

    const v2 = await db.storage.transaction(async (tx) => {
      const v = await tx.takeVersion();
      await tx.outcomes.update(o.id, { town: null, notes: 'Moved to the hall' }, v, { town: v, notes: v });
      await tx.outcomes.appendHistory({
        id: randomUUID(),
        outcomeId: o.id,
        partnershipId: o.partnershipId,
        version: v,
        kind: 'update',
        field: 'town',
        from: 'Didcot',
        to: null,
        conflict: true,
        actorId: s.officer.id,
        at: ISO,
      });
      return v;
    });
    const edited = { ...o, town: null, notes: 'Moved to the hall', version: v2, fieldVersions: { town: v2, notes: v2 } };
    expect(await db.storage.transaction((tx) => tx.outcomes.find(o.id))).toEqual(edited);

    const v3 = await db.storage.transaction(async (tx) => {
      const v = await tx.takeVersion();
      await tx.outcomes.markDeleted(o.id, '2026-05-02T09:00:00.000Z', v);
      return v;
    });
    expect(await db.storage.transaction((tx) => tx.outcomes.find(o.id))).toEqual({ ...edited, version: v3, deletedAt: '2026-05-02T09:00:00.000Z' });
    expect(await db.storage.transaction((tx) => tx.outcomes.list(s.partnership.id))).toHaveLength(1);
    expect(await db.storage.transaction((tx) => tx.outcomes.listHistory(o.id))).toEqual([
      expect.objectContaining({
        outcomeId: o.id,
        kind: 'update',
        field: 'town',
        from: 'Didcot',
        to: null,
        conflict: true,
        actorName: 'Sam Patel',
        version: v2,
      }),
    ]);
    expect((await errorOf(db.rawExec(`update outcome_history set conflict = 0`))).message).toMatch(/append-only/);
    expect((await errorOf(db.rawExec(`delete from outcome_history`))).message).toMatch(/append-only/);
  });

  it('refuses a second outcome with the same id and an outcome whose action does not exist', async () => {
    const s = await seeded(db.storage);
    const o = outcome(s, 1);
    await db.storage.transaction((tx) => tx.outcomes.insertMany([o]));
    await errorOf(db.storage.transaction((tx) => tx.outcomes.insertMany([{ ...o, notes: 'other' }])));
    await errorOf(db.storage.transaction((tx) => tx.outcomes.insertMany([{ ...outcome(s, 2), actionId: randomUUID() }])));
    expect((await db.storage.transaction((tx) => tx.outcomes.list(s.partnership.id))).map((x) => x.notes)).toEqual(['Held at the library']);
  });
});
