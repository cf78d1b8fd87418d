import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice } from '../support/test-device';
import { OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { createApiClient } from '../../src/app/api/api-client';
import { logOutcome } from '../../src/app/data/log-outcome';
import { editOutcome } from '../../src/app/data/change-outcome';
import { PUSH_BATCH, pushOutbox } from '../../src/app/sync/push-outbox';

/**
 * Recording a push's answer marks a record synced only once nothing of it is queued. The phone
 * counts what is left only for records that were queued more than once when the push began or
 * got an entry since (push-outbox.ts): these check both, with the push cut off before the rest
 * of the queue was sent, so a record wrongly marked synced would stay so.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('recording a push answer', () => {
  it('keeps a record pending while an edit made during the push is queued, and marks one synced once its create and edit are both answered', async () => {
    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await device.sync.syncNow();
    device.online = false;
    const values = await outcomeFor(device.db, '22');
    const a = await logOutcome(device.db, device.user, values);
    const b = await logOutcome(device.db, device.user, await outcomeFor(device.db, '19'));
    await editOutcome(device.db, device.user, b.id, { ...(await outcomeFor(device.db, '19')), notes: 'Edited before the push' });

    let pushes = 0;
    const api = createApiClient({
      baseUrl: server.url,
      fetch: (async (input: string, init?: RequestInit) => {
        if (input.includes('/api/sync/push') && ++pushes === 1) {
          // The officer edits a while its create is on its way: the edit is queued after the push began.
          await editOutcome(device.db, device.user, a.id, { ...values, notes: 'Edited during the push' });
        }
        if (pushes === 2) throw new TypeError('Failed to fetch');
        return device.fetch(input, init);
      }) as typeof fetch,
    });

    await expect(pushOutbox(device.db, api)).rejects.toThrow();

    expect(pushes).toBe(2);
    expect((await device.db.outcomes.get(a.id))!.syncState).toBe('pending');
    expect((await device.db.outcomes.get(b.id))!.syncState).toBe('synced');
    const queued = await device.db.outbox.toArray();
    expect(queued.map((e) => [e.kind, e.outcomeId])).toEqual([['outcome.update', a.id]]);

    const summary = await pushOutbox(device.db, device.api);
    expect(summary).toMatchObject({ applied: 1, rejected: 0, requests: 1 });
    expect((await device.db.outcomes.get(a.id))!.syncState).toBe('synced');
    expect(await device.db.outbox.count()).toBe(0);
    const stored = await server.storage.transaction((tx) => tx.outcomes.findMany([a.id, b.id]));
    expect(stored.get(a.id)!.notes).toBe('Edited during the push');
    expect(stored.get(b.id)!.notes).toBe('Edited before the push');
  });

  it('keeps a record pending when its edit, queued before the push, falls in a later batch than its create', async () => {
    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await device.sync.syncNow();
    device.online = false;
    const values = await outcomeFor(device.db, '22');
    const c = await logOutcome(device.db, device.user, values, undefined, { confirmDuplicate: true });
    for (let i = 1; i < PUSH_BATCH; i++) await logOutcome(device.db, device.user, { ...values, notes: `Filler ${i}` }, undefined, { confirmDuplicate: true });
    await editOutcome(device.db, device.user, c.id, { ...values, notes: 'Edited, queued behind a full batch' });

    let pushes = 0;
    const api = createApiClient({
      baseUrl: server.url,
      fetch: (async (input: string, init?: RequestInit) => {
        if (input.includes('/api/sync/push') && ++pushes === 2) throw new TypeError('Failed to fetch');
        return device.fetch(input, init);
      }) as typeof fetch,
    });

    await expect(pushOutbox(device.db, api)).rejects.toThrow();

    expect((await device.db.outcomes.get(c.id))!.syncState).toBe('pending');
    expect((await device.db.outbox.toArray()).map((e) => [e.kind, e.outcomeId])).toEqual([['outcome.update', c.id]]);
    const fillers = (await device.db.outcomes.toArray()).filter((o) => o.notes?.startsWith('Filler '));
    expect(fillers.map((o) => o.syncState)).toEqual(Array<string>(PUSH_BATCH - 1).fill('synced'));
  });
});
