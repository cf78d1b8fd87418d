import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';
import { cookieFetch } from '../../support/cookie-fetch';
import { COORDINATOR, OFFICER } from '../../support/demo';
import { addOtherPartnership, addUser } from '../../support/seed-extra';
import { hashSessionToken } from '../../../src/server/auth/session-tokens';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function signIn(url: string, who: { email: string; password: string }) {
  const f = cookieFetch();
  const res = await f(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  return { f, res, setCookie: res.headers.get('set-cookie') ?? '', token: [...f.cookies.values()][0] ?? '' };
}
const whoAmI = (url: string, f: typeof fetch) => f(`${url}/api/session`).then((r) => r.status);
const JSON_POST = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };

describe('session cookies and tokens', () => {
  it('over plain HTTP: HttpOnly, SameSite=Strict, path /, not Secure', async () => {
    const { setCookie } = await signIn(server.url, OFFICER);
    expect(setCookie).toMatch(/^fieldbook_session=/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Secure|Domain/i);
  });

  it('behind HTTPS: Secure and the __Host- prefix, and HSTS', async () => {
    const https = await startTestServer({ PUBLIC_ORIGIN: 'https://fieldbook.example.org' });
    try {
      const { res, setCookie } = await signIn(https.url, OFFICER);
      expect(setCookie).toMatch(/^__Host-fieldbook_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
    } finally {
      await https.close();
    }
  });

  it('uses 256-bit random tokens and stores only their hash', async () => {
    const { token } = await signIn(server.url, OFFICER);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(await server.storage.transaction((tx) => tx.sessions.find(token))).toBeUndefined();
    expect(await server.storage.transaction((tx) => tx.sessions.find(hashSessionToken(token)))).toBeDefined();
  });

  it('gives a new session id at every sign-in and ends the one the browser held', async () => {
    const first = await signIn(server.url, OFFICER);
    const oldCookie = `fieldbook_session=${first.token}`;
    await first.f(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: OFFICER.email, password: OFFICER.password }),
    });
    const newToken = [...first.f.cookies.values()][0];
    expect(newToken).not.toBe(first.token);
    expect((await fetch(`${server.url}/api/session`, { headers: { cookie: oldCookie } })).status).toBe(401);
    expect(await whoAmI(server.url, first.f)).toBe(200);
  });

  it('ends a session left unused past the idle timeout', async () => {
    const { f } = await signIn(server.url, OFFICER);
    server.clock.now = new Date(Date.now() + 25 * 3_600_000);
    try {
      expect(await whoAmI(server.url, f)).toBe(401);
    } finally {
      server.clock.now = new Date();
    }
  });

  it('ends every session of a deactivated user at once, and refuses their sign-in like any wrong password', async () => {
    const other = await addOtherPartnership(server.storage);
    const phone = await signIn(server.url, other.officer);
    const laptop = await signIn(server.url, other.officer);
    const coordinator = await addUser(server.storage, other.partnershipId, 'coordinator', `lead-${other.partnershipId.slice(0, 8)}@other.example`);
    const desk = await signIn(server.url, coordinator);
    const res = await desk.f(`${server.url}/api/partnerships/${other.partnershipId}/members/${other.officer.id}/deactivate`, JSON_POST);
    expect(res.status).toBe(204);
    expect(await whoAmI(server.url, phone.f)).toBe(401);
    expect(await whoAmI(server.url, laptop.f)).toBe(401);
    const again = await signIn(server.url, other.officer);
    expect(again.res.status).toBe(401);
    expect(await again.res.json()).toMatchObject({ error: 'invalid-credentials' });
  });
});

describe('coordinator functions', () => {
  it('are refused to officers (403) and answer 404 outside the caller’s partnerships', async () => {
    const officer = await signIn(server.url, OFFICER);
    const coordinator = await signIn(server.url, COORDINATOR);
    const partnershipId = (await officer.res.json()).user.memberships[0].partnershipId as string;
    const other = await addOtherPartnership(server.storage);
    for (const path of ['members', 'audit', 'audit.csv']) {
      expect((await officer.f(`${server.url}/api/partnerships/${partnershipId}/${path}`)).status).toBe(403);
      expect((await coordinator.f(`${server.url}/api/partnerships/${partnershipId}/${path}`)).status).toBe(200);
      expect((await coordinator.f(`${server.url}/api/partnerships/${other.partnershipId}/${path}`)).status).toBe(404);
      expect((await coordinator.f(`${server.url}/api/partnerships/${crypto.randomUUID()}/${path}`)).status).toBe(404);
    }
    const deactivateOther = await coordinator.f(`${server.url}/api/partnerships/${other.partnershipId}/members/${other.officer.id}/deactivate`, JSON_POST);
    expect(deactivateOther.status).toBe(404);
    const officerDeactivates = await officer.f(`${server.url}/api/partnerships/${partnershipId}/members/${other.officer.id}/deactivate`, JSON_POST);
    expect(officerDeactivates.status).toBe(403);
  });

  it('refuse any state change that is not JSON, as a cross-site form would send it', async () => {
    const coordinator = await signIn(server.url, COORDINATOR);
    const partnershipId = (await coordinator.res.json()).user.memberships[0].partnershipId as string;
    const other = await addUser(server.storage, partnershipId, 'officer', 'form-target@southandvale.example');
    const forms: Record<string, string>[] = [
      {},
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'multipart/form-data; boundary=x' },
    ];
    for (const headers of forms) {
      const res = await coordinator.f(`${server.url}/api/partnerships/${partnershipId}/members/${other.id}/deactivate`, {
        method: 'POST',
        headers,
        body: 'a=b',
      });
      expect(res.status).toBe(415);
    }
    const signOut = await coordinator.f(`${server.url}/api/session`, { method: 'DELETE' });
    expect(signOut.status).toBe(415);
    expect(await whoAmI(server.url, coordinator.f)).toBe(200);
  });
});
