import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice } from '../support/test-device';
import { OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { cookieFetch } from '../support/cookie-fetch';
import { createApiClient } from '../../src/app/api/api-client';
import { ApiError } from '../../src/app/api/api-errors';
import { logOutcome } from '../../src/app/data/log-outcome';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function signedInCookie(): Promise<string> {
  const f = cookieFetch();
  await createApiClient({ baseUrl: server.url, fetch: f }).signIn({ email: OFFICER.email, password: OFFICER.password });
  return [...f.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('bad input', () => {
  it('answers malformed JSON with 400 malformed-json, and keeps serving', async () => {
    const cookie = await signedInCookie();
    const res = await post('/api/sync/push', '{"deviceId": ', { cookie });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'malformed-json' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers invalid fields with 400 naming each failing field', async () => {
    const cookie = await signedInCookie();
    const res = await post('/api/sync/push', JSON.stringify({ deviceId: 'nope', mutations: [{ seq: 0, kind: '' }] }), { cookie });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid-request');
    expect(body.fieldErrors.map((f: { path: string }) => f.path).sort()).toEqual(['deviceId', 'mutations.0.args', 'mutations.0.kind', 'mutations.0.seq']);
  });

  it('refuses bodies that are not JSON', async () => {
    const cookie = await signedInCookie();
    const res = await fetch(`${server.url}/api/sync/push`, { method: 'POST', body: 'deviceId=x', headers: { 'content-type': 'text/plain', cookie } });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported-media-type' });
  });

  it('refuses state changes from another site', async () => {
    const cookie = await signedInCookie();
    const byOrigin = await post('/api/sync/push', '{}', { cookie, origin: 'https://evil.example' });
    const bySite = await post('/api/sync/push', '{}', { cookie, 'sec-fetch-site': 'cross-site' });
    expect(byOrigin.status).toBe(403);
    expect(bySite.status).toBe(403);
    expect(await byOrigin.json()).toMatchObject({ error: 'cross-origin' });
  });

  it('answers API calls without a session with 401', async () => {
    const res = await fetch(`${server.url}/api/sync/pull`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthenticated' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('signing in', () => {
  it('gives one answer for a wrong password and an unknown email', async () => {
    const api = createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
    const refusal = (email: string) =>
      api.signIn({ email, password: 'not-the-password' }).then(
        () => expect.fail('sign-in should have been refused'),
        (e: unknown) => e as ApiError,
      );
    const wrongPassword = await refusal(OFFICER.email);
    const unknownEmail = await refusal('nobody@nowhere.example');
    expect(wrongPassword).toBeInstanceOf(ApiError);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, and signing out ends the session on the server', async () => {
    const f = cookieFetch();
    const res = await f(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: OFFICER.email, password: OFFICER.password }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const stolen = [...f.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    await createApiClient({ baseUrl: server.url, fetch: f }).signOut();
    const replay = await fetch(`${server.url}/api/session`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('asks the officer to sign in again when the session expires, keeping the queue, and sends it after', async () => {
    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await device.sync.syncNow();
    const logged = await logOutcome(device.db, device.user, await outcomeFor(device.db, '24'));
    server.clock.now = new Date(Date.now() + 8 * 86_400_000); // past the absolute timeout
    try {
      await device.sync.syncNow();
      expect(device.signInNeeded).toBe(true);
      expect(device.sync.getSnapshot().problem?.kind).toBe('sign-in');
      expect(await device.db.outbox.count()).toBe(1);
      expect((await device.db.outcomes.get(logged.id))?.syncState).toBe('pending');

      await device.api.signIn({ email: OFFICER.email, password: OFFICER.password });
      await device.sync.syncNow();
      expect(await device.db.outbox.count()).toBe(0);
      expect((await device.db.outcomes.get(logged.id))?.syncState).toBe('synced');
    } finally {
      server.clock.now = new Date();
    }
  });
});
