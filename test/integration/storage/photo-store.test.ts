import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, outcome, seeded } from '../../support/storage-contract';

/** tx.photos: evidence attached to outcomes. */
describeOnEachDatabase('the photo store', (db) => {
  it('keeps photos: their descriptions apart, and the bytes exactly', async () => {
    const s = await seeded(db.storage);
    const o = outcome(s, await db.storage.transaction((tx) => tx.takeVersion()));
    await db.storage.transaction((tx) => tx.outcomes.insertMany([o]));
    const data = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x80, 0xfe, 0xff, 0xd9]);
    const photo = {
      id: randomUUID(),
      outcomeId: o.id,
      partnershipId: s.partnership.id,
      uploadedBy: s.officer.id,
      mime: 'image/jpeg',
      bytes: data.length,
      width: 1600,
      height: 1200,
      sha256: 'a'.repeat(64),
      uploadedAt: ISO,
    };
    await db.storage.transaction((tx) => tx.photos.insert({ ...photo, data }));
    expect(await db.storage.transaction((tx) => tx.photos.find(photo.id))).toEqual(photo);
    expect(await db.storage.transaction((tx) => tx.photos.listOfOutcome(o.id))).toEqual([photo]);
    expect(await db.storage.transaction((tx) => tx.photos.countOfOutcome(o.id))).toBe(1);
    const back = await db.storage.transaction((tx) => tx.photos.readData(photo.id));
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back?.equals(data)).toBe(true);
  });
});
