import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { addOtherPartnership } from '../support/seed-extra';
import { logOutcome } from '../../src/app/data/log-outcome';
import { exportUnsynced } from '../../src/app/data/export-unsynced';
import { type ApiError } from '../../src/app/api/api-errors';
import { demoPartnershipId } from '../support/demo-partnership';

let server: TestServer;
let partnershipId: string;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
});
afterAll(() => server.close());

const outcomesOnServer = () => server.storage.transaction((tx) => tx.outcomes.list(partnershipId));

describe('unsynced records saved to a file and imported by a coordinator', () => {
  it('arrive once, as the officer’s, even when imported twice and when the phone syncs later', async () => {
    const phone = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await phone.sync.syncNow();
    phone.online = false;
    const logged = [];
    const values = await outcomeFor(phone.db, '22');
    // Three sessions the same day in the same town: the officer confirms each is a real one.
    for (const attendees of [3, 4, 5])
      logged.push(await logOutcome(phone.db, phone.user, { ...values, details: { ...values.details, attendees } }, undefined, { confirmDuplicate: true }));
    const file = await exportUnsynced(phone.db, phone.user);
    expect(file?.count).toBe(3);
    const before = (await outcomesOnServer()).length;

    const desk = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
    const parsed = JSON.parse(file!.text) as unknown;
    expect(await desk.api.importUnsynced(partnershipId, parsed)).toEqual({ applied: 3, alreadyApplied: 0, rejected: [] });
    expect(await desk.api.importUnsynced(partnershipId, parsed)).toEqual({ applied: 0, alreadyApplied: 3, rejected: [] });
    const after = await outcomesOnServer();
    expect(after.length).toBe(before + 3);
    for (const o of logged) expect(after.find((s) => s.id === o.id)).toMatchObject({ authorId: phone.user.id, type: o.type, details: o.details });

    // The phone finds signal after all: nothing doubles, and it learns its records arrived.
    phone.online = true;
    await phone.sync.syncNow();
    expect((await outcomesOnServer()).length).toBe(before + 3);
    expect(await phone.db.outbox.count()).toBe(0);
    for (const o of logged) expect((await phone.db.outcomes.get(o.id))?.syncState).toBe('synced');

    const audit = (await (await desk.fetch(`${server.url}/api/partnerships/${partnershipId}/audit?limit=20`)).json()) as {
      entries: { action: string; actorName: string; details: Record<string, unknown> }[];
    };
    const imports = audit.entries.filter((e) => e.action === 'outcomes.imported');
    expect(imports.map((e) => [e.actorName, e.details.author, e.details.applied, e.details.alreadyApplied])).toEqual([
      ['Jo Bennett', OFFICER.email, 0, 3],
      ['Jo Bennett', OFFICER.email, 3, 0],
    ]);
  });

  it('refuses a file missing earlier records from the device, a file from outside the partnership, and officers', async () => {
    const phone = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await phone.sync.syncNow();
    phone.online = false;
    const values = await outcomeFor(phone.db, '22');
    for (const attendees of [1, 2])
      await logOutcome(phone.db, phone.user, { ...values, details: { ...values.details, attendees } }, undefined, { confirmDuplicate: true });
    const file = JSON.parse((await exportUnsynced(phone.db, phone.user))!.text) as { mutations: unknown[]; author: { id: string } };
    const desk = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);

    const gap = await desk.api.importUnsynced(partnershipId, { ...file, mutations: file.mutations.slice(1) }).catch((e: unknown) => e as ApiError);
    expect(gap).toMatchObject({ status: 409, body: { error: 'sequence-gap', expectedSeq: 1 } });

    const other = await addOtherPartnership(server.storage);
    const stranger = await desk.api
      .importUnsynced(partnershipId, { ...file, author: { ...file.author, id: other.officer.id } })
      .catch((e: unknown) => e as ApiError);
    expect(stranger).toMatchObject({ status: 400 });

    const asOfficer = await phone.api.importUnsynced(partnershipId, file).catch((e: unknown) => e as ApiError);
    expect(asOfficer).toMatchObject({ status: 403 });
  });
});
