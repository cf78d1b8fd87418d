import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { cookieFetch } from '../support/cookie-fetch';
import { OFFICER } from '../support/demo';
import { SessionStore } from '../../src/app/session/session-store';
import { createApiClient } from '../../src/app/api/api-client';
import { memoryStorage } from '../support/memory-storage';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const KEY = 'fieldbook.user.v1';
const online =
  (f = cookieFetch()) =>
  () =>
    Promise.resolve(createApiClient({ baseUrl: server.url, fetch: f }));
/** Port 1 is closed: every request fails the way it does with no signal. */
const offline = () => Promise.resolve(createApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 }));

describe('the session on this device', () => {
  it('remembers the user at sign-in, reopens as them with no network, and forgets them at sign-out', async () => {
    const storage = memoryStorage();
    const store = new SessionStore(online(), storage);
    await store.signIn(OFFICER.email, OFFICER.password);
    const signedIn = store.getSnapshot();
    expect(signedIn).toMatchObject({ status: 'signed-in', signInNeeded: false, user: { email: OFFICER.email } });

    const reopened = new SessionStore(offline, storage);
    expect(reopened.getSnapshot()).toEqual(signedIn);
    await reopened.verify();
    expect(reopened.getSnapshot()).toEqual(signedIn);

    await store.endSession();
    expect(storage.m.has(KEY)).toBe(false);
    expect(store.getSnapshot().status).toBe('signed-out');
  });

  it('keeps its state, and tells no one, when the server confirms the same user at start', async () => {
    const f = cookieFetch();
    const storage = memoryStorage();
    const store = new SessionStore(online(f), storage);
    await store.signIn(OFFICER.email, OFFICER.password);
    const before = store.getSnapshot();
    let told = 0;
    store.subscribe(() => told++);
    await store.verify();
    expect(store.getSnapshot()).toBe(before);
    expect(told).toBe(0);

    // A change on the server (a new name) still comes through.
    const changed = new SessionStore(
      online(f),
      memoryStorage({ [KEY]: JSON.stringify({ ...(before.status === 'signed-in' ? before.user : {}), name: 'Someone else' }) }),
    );
    await changed.verify();
    expect(changed.getSnapshot()).toMatchObject({ status: 'signed-in', user: { name: OFFICER.name } });
  });

  it('asks for sign-in again when the server no longer accepts the session', async () => {
    const f = cookieFetch();
    const storage = memoryStorage();
    const store = new SessionStore(online(f), storage);
    await store.signIn(OFFICER.email, OFFICER.password);
    server.clock.now = new Date(Date.now() + 2 * 86_400_000); // past the idle timeout
    try {
      await store.verify();
      expect(store.getSnapshot()).toMatchObject({ status: 'signed-in', signInNeeded: true });
      expect(storage.m.has(KEY)).toBe(true);
    } finally {
      server.clock.now = new Date();
    }
  });

  it('ignores a remembered user stored under an older key or edited by hand', () => {
    const user = JSON.stringify({ id: crypto.randomUUID(), email: 'a@b.c', name: 'A', memberships: [] });
    expect(new SessionStore(offline, memoryStorage({ 'fieldbook.user': user })).getSnapshot().status).toBe('signed-out');
    expect(new SessionStore(offline, memoryStorage({ [KEY]: '{"id":5}' })).getSnapshot().status).toBe('signed-out');
    expect(new SessionStore(offline, memoryStorage({ [KEY]: '{nope' })).getSnapshot().status).toBe('signed-out');
    expect(new SessionStore(offline, memoryStorage({ [KEY]: user })).getSnapshot().status).toBe('signed-in');
  });
});
