import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';
import { signedInDevice, type TestDevice } from '../../support/test-device';
import { OFFICER } from '../../support/demo';
import { outcomeFor } from '../../support/outcomes';
import { deviceId } from '../../../src/app/sync/device-id';

let server: TestServer;
let device: TestDevice;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  await device.sync.syncNow();
  cookie = [...device.fetch.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
});
afterAll(() => server.close());

const post = (path: string, body: string) => fetch(server.url + path, { method: 'POST', body, headers: { 'content-type': 'application/json', cookie } });
const outcomeCount = () => server.storage.transaction(async (tx) => (await tx.outcomes.list(device.user.memberships[0]!.partnershipId)).length);

/** Pushes one outcome.create whose args are a valid outcome changed by `change`. */
async function pushOutcome(change: (args: Record<string, unknown>) => Record<string, unknown>) {
  const args = change({ ...(await outcomeFor(device.db, '22')), id: crypto.randomUUID(), recordedAt: new Date().toISOString() });
  const seq = Number((await device.db.meta.get('nextSeq'))?.value ?? 1);
  await device.db.meta.put({ key: 'nextSeq', value: seq + 1 });
  return device.api.push({ deviceId: await deviceId(device.db), mutations: [{ seq, kind: 'outcome.create', args }] });
}

describe('hostile request bodies', () => {
  it('refuses bodies over the size limit with 413', async () => {
    const big = JSON.stringify({ email: 'x'.repeat(70 * 1024), password: 'y' });
    expect((await post('/api/session', big)).status).toBe(413);
    const hugePush = JSON.stringify({
      deviceId: crypto.randomUUID(),
      mutations: [{ seq: 1, kind: 'outcome.create', args: { notes: 'z'.repeat(5 * 1024 * 1024) } }],
    });
    const res = await post('/api/sync/push', hugePush);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload-too-large' });
  });

  it('refuses JSON nested deeper than 32 levels without parsing it', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await post('/api/sync/push', deep);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/nested more than 32 levels/);
  });

  it('refuses __proto__ and constructor.prototype keys, and nothing is polluted', async () => {
    const viaProto = await post('/api/sync/push', '{"deviceId":"x","mutations":[],"__proto__":{"polluted":true}}');
    const viaConstructor = await post('/api/sync/push', '{"constructor":{"prototype":{"polluted":true}}}');
    expect(viaProto.status).toBe(400);
    expect(viaConstructor.status).toBe(400);
    expect(await viaProto.json()).toMatchObject({ error: 'invalid-request', message: expect.stringMatching(/forbidden key/) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never changes anything on GET', async () => {
    expect((await fetch(`${server.url}/api/sync/push`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/api/account/password`, { headers: { cookie } })).status).toBe(404);
  });
});

describe('hostile outcomes', () => {
  it('refuses author, partnership and server times sent by the device, and any unknown field', async () => {
    const before = await outcomeCount();
    for (const extra of [
      { authorId: crypto.randomUUID() },
      { partnershipId: crypto.randomUUID() },
      { receivedAt: new Date().toISOString() },
      { isAdmin: true },
    ]) {
      const res = await pushOutcome((a) => ({ ...a, ...extra }));
      expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    }
    expect(await outcomeCount()).toBe(before);
  });

  it('refuses NUL bytes, lone surrogates and dates out of range, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ notes: 'before\u0000after' }, 'notes'],
      [{ notes: 'broken \uD800 text' }, 'notes'],
      [{ town: 'Did\uDC00cot' }, 'town'],
      [{ occurredOn: '1899-12-31' }, 'occurredOn'],
      [{ recordedAt: '2999-01-01T00:00:00.000Z' }, 'recordedAt'],
      [{ details: { attendees: 1e300 } }, 'details.attendees'],
      [{ details: { attendees: -1 } }, 'details.attendees'],
      [{ details: { venue: 'village\u0000hall' } }, 'details.venue'],
    ];
    const before = await outcomeCount();
    for (const [patch, field] of cases) {
      // A details patch changes those details only: the rest stay valid.
      const res = await pushOutcome((a) => ({
        ...a,
        ...patch,
        ...('details' in patch ? { details: { ...(a.details as object), ...(patch.details as object) } } : {}),
      }));
      const result = res.results[0]!;
      expect(result.status).toBe('rejected');
      expect(result.status === 'rejected' && result.fieldErrors.map((f) => f.path)).toContain(field);
    }
    expect(await outcomeCount()).toBe(before);
  });

  it('stores notes that hold HTML exactly as text', async () => {
    const notes = '<img src=x onerror="alert(1)"><script>alert(2)</script> & =SUM(A1)';
    const res = await pushOutcome((a) => ({ ...a, notes }));
    expect(res.results[0]!.status).toBe('applied');
    const stored = await server.storage.transaction(async (tx) => (await tx.outcomes.list(device.user.memberships[0]!.partnershipId)).at(-1));
    expect(stored?.notes).toBe(notes);
  });
});
