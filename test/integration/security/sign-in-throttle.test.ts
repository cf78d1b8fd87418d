import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';
import { OFFICER } from '../../support/demo';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const signIn = (email: string, password: string) =>
  fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

describe('sign-in throttling', () => {
  it('blocks an account after five wrong passwords, even for the right one, until the block ends', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(OFFICER.email, 'wrong password attempt')).status).toBe(401);
    const blocked = await signIn(OFFICER.email, OFFICER.password);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ error: 'too-many-attempts' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);

    server.clock.now = new Date(Date.now() + 16 * 60_000);
    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(200);
  });

  it('counts unknown emails the same way, so a block reveals nothing about who has an account', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('nobody@nowhere.example', 'wrong password attempt')).status).toBe(401);
    expect((await signIn('nobody@nowhere.example', 'wrong password attempt')).status).toBe(429);
  });

  it('keeps the counters in the database, so they hold across a restart', async () => {
    // Four wrong passwords, a restart, then a fifth: the block needs the four counted before it.
    for (let i = 0; i < 4; i++) expect((await signIn(OFFICER.email, 'wrong password attempt')).status).toBe(401);
    await server.restart();
    expect((await signIn(OFFICER.email, 'wrong password attempt')).status).toBe(401);
    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(429);

    // And a block already in force outlasts another restart.
    await server.restart();
    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(429);
  });

  it('blocks one address guessing across many accounts', async () => {
    for (let i = 0; i < 30; i++) await signIn(`guess-${i}@nowhere.example`, 'wrong password attempt');
    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(429);
  });

  it('clears an account’s count after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await signIn(OFFICER.email, 'wrong password attempt');
    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(OFFICER.email, 'wrong password attempt')).status).toBe(401);
  });
});

describe('sign-in throttling behind a reverse proxy', () => {
  const ORIGIN = 'http://fieldbook.proxy.test';
  let proxied: TestServer;
  beforeEach(async () => {
    proxied = await startTestServer({ PUBLIC_ORIGIN: ORIGIN });
  });
  afterEach(() => proxied.close());

  /** As a proxy that appends to X-Forwarded-For would pass it on: whatever the client claimed, then the address the proxy saw. */
  const signInVia = (claimed: string, seenByProxy: string, email: string, password: string) =>
    fetch(`${proxied.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': `${claimed}, ${seenByProxy}` },
      body: JSON.stringify({ email, password }),
    });

  it('counts by the address the proxy saw, not one the client made up', async () => {
    for (let i = 0; i < 30; i++) {
      expect((await signInVia(`203.0.113.${i}`, '198.51.100.7', `guess-${i}@nowhere.example`, 'wrong password attempt')).status).toBe(401);
    }
    expect((await signInVia('203.0.113.200', '198.51.100.7', OFFICER.email, OFFICER.password)).status).toBe(429);
    // Another client behind the same proxy is not blocked by the first one's guesses.
    expect((await signInVia('203.0.113.200', '198.51.100.8', OFFICER.email, OFFICER.password)).status).toBe(200);
  });
});
