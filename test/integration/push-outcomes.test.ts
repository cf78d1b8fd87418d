import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { OFFICER } from '../support/demo';
import { outcomeFor, sampleDetails } from '../support/outcomes';
import { addOtherPartnership } from '../support/seed-extra';
import { logOutcome } from '../../src/app/data/log-outcome';
import { deviceId } from '../../src/app/sync/device-id';
import { ApiError } from '../../src/app/api/api-errors';

let server: TestServer;
let partnershipId: string;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = (
    await server.storage
      .transaction((tx) => tx.accounts.findUserByEmail(OFFICER.email))
      .then(async (u) => server.storage.transaction((tx) => tx.accounts.listMemberships(u!.id)))
  )[0]!.partnershipId;
});
afterAll(() => server.close());

const serverOutcomes = () => server.storage.transaction((tx) => tx.outcomes.list(partnershipId));

async function freshDevice(): Promise<TestDevice> {
  const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  await device.sync.syncNow();
  return device;
}

describe('pushing outcomes', () => {
  it('keeps outcomes logged offline on the phone, then sends each exactly once when back online', async () => {
    const device = await freshDevice();
    const before = (await serverOutcomes()).length;
    device.online = false;
    const a = await logOutcome(device.db, device.user, await outcomeFor(device.db, '22'));
    const b = await logOutcome(device.db, device.user, await outcomeFor(device.db, '7', 1));
    await device.sync.syncNow();

    expect(device.sync.getSnapshot().problem?.kind).toBe('offline');
    expect(await device.db.outbox.count()).toBe(2);
    expect((await device.db.outcomes.get(a.id))?.syncState).toBe('pending');
    expect((await serverOutcomes()).length).toBe(before);

    device.online = true;
    await device.sync.syncNow();
    const onServer = await serverOutcomes();
    expect(onServer.filter((o) => o.id === a.id || o.id === b.id)).toHaveLength(2);
    expect(onServer.length).toBe(before + 2);
    expect(await device.db.outbox.count()).toBe(0);
    expect((await device.db.outcomes.get(a.id))?.syncState).toBe('synced');
    const stored = onServer.find((o) => o.id === a.id)!;
    expect(stored).toMatchObject({
      authorId: device.user.id,
      type: 'training-session',
      details: { topic: 'hate-crime', attendees: 12 },
      town: 'Didcot',
      notes: 'Outcome for ref 22',
    });
    expect(stored.details).toEqual(a.details);
  });

  it('changes nothing when the same push is replayed', async () => {
    const device = await freshDevice();
    await logOutcome(device.db, device.user, await outcomeFor(device.db, '19'));
    const entries = await device.db.outbox.toArray();
    const body = { deviceId: await deviceId(device.db), mutations: entries.map(({ seq, kind, args }) => ({ seq, kind, args })) };
    const first = await device.api.push(body);
    const count = (await serverOutcomes()).length;
    const replay = await device.api.push(body);

    expect(first.results.map((r) => r.status)).toEqual(['applied']);
    expect(replay.results.map((r) => r.status)).toEqual(['already-applied']);
    expect((await serverOutcomes()).length).toBe(count);
  });

  it('does not double-count when the server applied a push but its answer was lost', async () => {
    const device = await freshDevice();
    const logged = await logOutcome(device.db, device.user, await outcomeFor(device.db, '3', 1));
    // The push reaches the server, but the phone never hears back: its outbox still holds it.
    const entries = await device.db.outbox.toArray();
    await device.api.push({ deviceId: await deviceId(device.db), mutations: entries.map(({ seq, kind, args }) => ({ seq, kind, args })) });
    const count = (await serverOutcomes()).length;

    await device.sync.syncNow();
    expect((await serverOutcomes()).length).toBe(count);
    expect((await serverOutcomes()).filter((o) => o.id === logged.id)).toHaveLength(1);
    expect(await device.db.outbox.count()).toBe(0);
    expect((await device.db.outcomes.get(logged.id))?.syncState).toBe('synced');
  });

  it('keeps a refused outcome on the phone with the reason, and still sends the ones queued behind it', async () => {
    const other = await addOtherPartnership(server.storage);
    const device = await freshDevice();
    const good1 = await logOutcome(device.db, device.user, await outcomeFor(device.db, '16'));
    // A phone holding a stale plan: it logs against an action the officer no longer has access to.
    // logOutcome checks the local plan, so the stale action is put on the phone first.
    await device.db.actions.put({ ...other.action });
    await device.db.measures.put({ ...other.measure });
    await device.db.plans.put({
      id: other.action.planId,
      partnershipId: other.partnershipId,
      title: 'Stale',
      periodStart: '2018-04-01',
      periodEnd: '2019-03-31',
    });
    const stale = {
      actionId: other.action.id,
      type: other.measure.tally.outcomeType,
      details: sampleDetails(other.measure.tally.outcomeType, other.measure.tally.where),
    };
    const refused = await logOutcome(device.db, device.user, { ...(await outcomeFor(device.db, '16')), ...stale });
    const good2 = await logOutcome(device.db, device.user, await outcomeFor(device.db, '18'));

    await device.sync.syncNow();

    const ids = (await serverOutcomes()).map((o) => o.id);
    expect(ids).toContain(good1.id);
    expect(ids).toContain(good2.id);
    expect(ids).not.toContain(refused.id);
    const kept = await device.db.outcomes.get(refused.id);
    expect(kept?.syncState).toBe('rejected');
    expect(kept?.rejection?.code).toBe('not-found');
    expect(await device.db.outbox.count()).toBe(0);
    const log = await server.storage.transaction(async (tx) => tx.devices.listRejections(await deviceId(device.db)));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ code: 'not-found', kind: 'outcome.create' });
    expect(JSON.parse(log[0]!.argsJson)).toMatchObject({ id: refused.id });
  });

  it('refuses invalid outcome fields one by one, naming each field', async () => {
    const device = await freshDevice();
    const values = await outcomeFor(device.db, '22');
    const { attendees: _, ...withoutAttendees } = values.details;
    const response = await device.api.push({
      deviceId: await deviceId(device.db),
      mutations: [
        { seq: 1, kind: 'outcome.create', args: { ...values, id: 'not-a-uuid', recordedAt: new Date().toISOString(), occurredOn: '2026-02-30' } },
        {
          seq: 2,
          kind: 'outcome.create',
          args: {
            ...values,
            id: crypto.randomUUID(),
            recordedAt: new Date().toISOString(),
            details: { ...values.details, attendees: -3, format: 'carrier-pigeon' },
          },
        },
        { seq: 3, kind: 'outcome.create', args: { ...values, id: crypto.randomUUID(), recordedAt: new Date().toISOString(), details: withoutAttendees } },
        { seq: 4, kind: 'outcome.teleport', args: {} },
      ],
    });
    const [bad, badDetails, noAttendees, unknown] = response.results;
    expect(bad).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(bad?.status === 'rejected' && bad.fieldErrors.map((f) => f.path).sort()).toEqual(['id', 'occurredOn']);
    expect(badDetails).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(badDetails?.status === 'rejected' && badDetails.fieldErrors.map((f) => f.path).sort()).toEqual(['details.attendees', 'details.format']);
    expect(noAttendees).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(noAttendees?.status === 'rejected' && noAttendees.fieldErrors.map((f) => f.path)).toEqual(['details.attendees']);
    expect(unknown).toMatchObject({ status: 'rejected', code: 'unknown-mutation' });
    expect(response.lastAppliedSeq).toBe(4);
  });

  it('refuses a gap in sequence numbers and writes nothing', async () => {
    const device = await freshDevice();
    const values = await outcomeFor(device.db, '22');
    const count = (await serverOutcomes()).length;
    const err = await device.api
      .push({
        deviceId: crypto.randomUUID(),
        mutations: [{ seq: 5, kind: 'outcome.create', args: { ...values, id: crypto.randomUUID(), recordedAt: new Date().toISOString() } }],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).body).toMatchObject({ error: 'sequence-gap', expectedSeq: 1 });
    expect((await serverOutcomes()).length).toBe(count);
  });

  it('refuses one user’s device id when another user presents it', async () => {
    const mine = await freshDevice();
    const other = await addOtherPartnership(server.storage);
    const theirs = await signedInDevice(server.url, other.officer.email, other.officer.password);
    await logOutcome(mine.db, mine.user, await outcomeFor(mine.db, '22'), undefined, { confirmDuplicate: true });
    await mine.sync.syncNow();
    const err = await theirs.api
      .push({ deviceId: await deviceId(mine.db), mutations: [{ seq: 99, kind: 'outcome.create', args: {} }] })
      .catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).code).toBe('device-mismatch');
  });
});
