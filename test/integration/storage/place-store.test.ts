import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, seeded } from '../../support/storage-contract';

/** tx.places: the registers of places. */
describeOnEachDatabase('the place store', (db) => {
  it('keeps places and applies their changes field by field', async () => {
    const s = await seeded(db.storage);
    const place = {
      id: randomUUID(),
      partnershipId: s.partnership.id,
      kind: 'safe-place' as const,
      name: 'Didcot Pharmacy',
      town: 'Didcot',
      address: null,
      point: { lat: 51.6, lng: -1.2, accuracyM: 8 },
      status: 'active' as const,
      joinedOn: '2026-04-01',
      recordedAt: ISO,
      createdBy: s.officer.id,
      updatedAt: ISO,
      version: 1,
    };
    await db.storage.transaction((tx) => tx.places.insert(place));
    await db.storage.transaction((tx) => tx.places.update(place.id, { name: 'Didcot Late Pharmacy', point: null }, 2, '2026-05-03T00:00:00.000Z'));
    expect(await db.storage.transaction((tx) => tx.places.find(place.id))).toEqual({
      ...place,
      name: 'Didcot Late Pharmacy',
      point: null,
      version: 2,
      updatedAt: '2026-05-03T00:00:00.000Z',
    });
  });
});
