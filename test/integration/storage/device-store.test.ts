import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, seeded } from '../../support/storage-contract';

/** tx.devices: how far each device has got, and what was refused to it. */
describeOnEachDatabase('the device store', (db) => {
  it('keeps devices and the mutations refused to them', async () => {
    const s = await seeded(db.storage);
    await db.storage.transaction((tx) => tx.devices.update(s.deviceId, 41, '2026-05-01T12:00:00.000Z'));
    expect(await db.storage.transaction((tx) => tx.devices.find(s.deviceId))).toEqual({
      id: s.deviceId,
      userId: s.officer.id,
      lastSeq: 41,
      createdAt: ISO,
      lastSeenAt: '2026-05-01T12:00:00.000Z',
    });

    const rejection = {
      id: randomUUID(),
      deviceId: s.deviceId,
      userId: s.officer.id,
      seq: 7,
      kind: 'outcome.create',
      code: 'invalid',
      message: 'No such action',
      argsJson: '{"a":1}',
      createdAt: ISO,
    };
    await db.storage.transaction((tx) => tx.devices.insertRejection(rejection));
    expect(await db.storage.transaction((tx) => tx.devices.listRejections(s.deviceId))).toEqual([rejection]);
  });
});
