import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice } from '../support/test-device';
import { OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { logOutcome } from '../../src/app/data/log-outcome';
import { deviceId } from '../../src/app/sync/device-id';

/**
 * A push's new outcomes are written together (src/server/sync/mutations/create-outcomes.ts);
 * these check that batching keeps the per-mutation rules: order, one version and one audit entry
 * per outcome, repeats and collisions inside the same push, and other kinds in between.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('a push of many outcomes', () => {
  it('applies creates, an edit between them and repeats of an id in order, each outcome with its own version and audit entry', async () => {
    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await device.sync.syncNow();
    device.online = false;
    const a = await logOutcome(device.db, device.user, await outcomeFor(device.db, '22'));
    const b = await logOutcome(device.db, device.user, await outcomeFor(device.db, '19'));
    const c = await logOutcome(device.db, device.user, await outcomeFor(device.db, '22'), undefined, { confirmDuplicate: true });
    const [createA, createB, createC] = await device.db.outbox.orderBy('seq').toArray();
    const first = createA!.seq;
    const mutations = [
      { seq: first, kind: 'outcome.create', args: createA!.args },
      { seq: first + 1, kind: 'outcome.create', args: createB!.args },
      { seq: first + 2, kind: 'outcome.update', args: { id: a.id, baseVersion: 0, changes: { notes: 'Changed in the same push' } } },
      { seq: first + 3, kind: 'outcome.create', args: createC!.args },
      // The same outcome again (a rebuilt device): nothing to do. The same id with other content: refused.
      { seq: first + 4, kind: 'outcome.create', args: createC!.args },
      { seq: first + 5, kind: 'outcome.create', args: { ...(createB!.args as object), notes: 'Not the same outcome' } },
    ];

    const response = await device.api.push({ deviceId: await deviceId(device.db), mutations });

    expect(response.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'rejected']);
    expect(response.results[5]).toMatchObject({ code: 'conflict', message: 'Another outcome already has this id.' });
    expect(response.lastAppliedSeq).toBe(first + 5);
    const stored = await server.storage.transaction((tx) => tx.outcomes.findMany([a.id, b.id, c.id]));
    const [va, vb, vc] = [a, b, c].map((o) => stored.get(o.id)!.version);
    // a's row now carries the edit's version, taken after a and b were written; c came after it.
    expect(stored.get(a.id)).toMatchObject({ notes: 'Changed in the same push', fieldVersions: { notes: va } });
    expect(va).toBeGreaterThan(vb!);
    expect(vc).toBeGreaterThan(va!);
    expect(stored.get(b.id)!.notes).toBe(b.notes);
    const partnershipId = stored.get(a.id)!.partnershipId;
    const audit = await server.storage.transaction((tx) => tx.audit.list(partnershipId, undefined, 100));
    const created = audit.filter((e) => e.action === 'outcome.created' && [a.id, b.id, c.id].includes(e.entityId!));
    expect(created.map((e) => e.entityId).sort()).toEqual([a.id, b.id, c.id].sort());
    const rejections = await server.storage.transaction(async (tx) => tx.devices.listRejections(await deviceId(device.db)));
    expect(rejections.map((r) => r.seq)).toEqual([first + 5]);
  });
});
