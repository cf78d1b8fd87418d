import { DEFAULT_PARTNERSHIP_DETAILS } from '../../../src/domain/partnership-details';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { PARTNERSHIP_LISTS, type ListEntry } from '../../../src/domain/partnership-lists';
import { describeOnEachDatabase, errorOf } from '../../support/storage-contract';

/** tx.lists: a partnership's areas and organisations, kept the same way, versioned and pulled. */
describeOnEachDatabase('the partnership list store', (db) => {
  const partnership = async (name: string) => {
    const id = randomUUID();
    await db.storage.transaction((tx) => tx.plans.insertPartnership({ id, name }));
    return id;
  };
  const entry = (partnershipId: string, name: string, retired = false): ListEntry => ({ id: randomUUID(), partnershipId, name, retired });

  it.each(PARTNERSHIP_LISTS)(
    'keeps %s: listed by name, found by id and by name case aside, renamed and retired in place, one name per partnership',
    async (list) => {
      const mine = await partnership('Mine CSP');
      const other = await partnership('Other CSP');
      const [banbury, bicester, elsewhere] = [entry(mine, 'Banbury'), entry(mine, 'bicester'), entry(other, 'Banbury')];
      await db.storage.transaction(async (tx) => {
        for (const e of [bicester, banbury, elsewhere]) await tx.lists.insert(list, e);
      });
      expect(await db.storage.transaction((tx) => tx.lists.list(list, mine), 'read')).toEqual([banbury, bicester]);
      expect(await db.storage.transaction((tx) => tx.lists.find(list, elsewhere.id))).toEqual(elsewhere);
      expect(await db.storage.transaction((tx) => tx.lists.findByName(list, mine, ' BANBURY '))).toEqual(banbury);
      expect(await db.storage.transaction((tx) => tx.lists.findByName(list, mine, 'Kidlington'))).toBeUndefined();

      const renamed = { ...bicester, name: 'Bicester Village', retired: true };
      await db.storage.transaction((tx) => tx.lists.update(list, renamed));
      expect(await db.storage.transaction((tx) => tx.lists.find(list, bicester.id))).toEqual(renamed);
      expect(await db.storage.transaction((tx) => tx.lists.findByName(list, mine, 'bicester village'))).toEqual(renamed);

      // The database holds one name per partnership, case aside, retired entries included.
      const e = await errorOf(db.storage.transaction((tx) => tx.lists.insert(list, entry(mine, 'BICESTER VILLAGE'))));
      expect(e.message).toMatch(/unique/i);
      expect(await db.storage.transaction((tx) => tx.lists.list(list, mine))).toHaveLength(2);
    },
  );

  it('gives every write a fresh version the feed pulls, and an area write its partnership too, whose towns are the areas in use', async () => {
    const mine = await partnership('Mine CSP');
    const feed = (after: number) => db.storage.transaction((tx) => tx.feed.changesSince([mine], [], after, 100), 'read');
    const start = await db.storage.transaction((tx) => tx.takeVersion());
    const [wantage, didcot, police] = [entry(mine, 'Wantage'), entry(mine, 'Didcot'), entry(mine, 'Thames Valley Police')];
    await db.storage.transaction(async (tx) => {
      await tx.lists.insert('areas', wantage);
      await tx.lists.insert('areas', didcot);
      await tx.lists.insert('organisations', police);
    });
    const first = await feed(start);
    expect(first.areas.map((r) => r.record)).toEqual([wantage, didcot]);
    expect(first.organisations.map((r) => r.record)).toEqual([police]);
    expect(first.partnerships.map((r) => r.record)).toEqual([
      { id: mine, name: 'Mine CSP', towns: ['Didcot', 'Wantage'], details: DEFAULT_PARTNERSHIP_DETAILS },
    ]);

    const seen = Math.max(...Object.values(first).flatMap((rows) => rows.map((r) => r.version)));
    await db.storage.transaction((tx) => tx.lists.update('areas', { ...didcot, retired: true }));
    const next = await feed(seen);
    expect(next.areas.map((r) => r.record)).toEqual([{ ...didcot, retired: true }]);
    expect(next.partnerships.map((r) => r.record.towns)).toEqual([['Wantage']]);
    expect(next.organisations).toEqual([]);

    // An organisation's write leaves the partnership's record alone.
    const after = Math.max(...Object.values(next).flatMap((rows) => rows.map((r) => r.version)));
    await db.storage.transaction((tx) => tx.lists.update('organisations', { ...police, name: 'TVP' }));
    expect((await feed(after)).partnerships).toEqual([]);
    const versions = Object.values(await feed(start)).flatMap((rows) => rows.map((r) => r.version));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
