import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';
import { cookieFetch } from '../../support/cookie-fetch';
import { addUser } from '../../support/seed-extra';
import { demoPartnershipId } from '../../support/demo-partnership';

let server: TestServer;
let partnershipId: string;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
});
afterAll(() => server.close());

async function signedIn(email: string, password: string) {
  const f = cookieFetch();
  const res = await f(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return f;
}
const change = (f: typeof fetch, currentPassword: string, newPassword: string) =>
  f(`${server.url}/api/account/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword, newPassword }),
  });

describe('changing a password', () => {
  it('needs the current password', async () => {
    const user = await addUser(server.storage, partnershipId, 'officer', 'change-a@southandvale.example');
    const f = await signedIn(user.email, user.password);
    const res = await change(f, 'not my password', 'a brand new long passphrase');
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toEqual([{ path: 'currentPassword', message: 'Your current password is not right' }]);
  });

  it('refuses short and common passwords, naming the field', async () => {
    const user = await addUser(server.storage, partnershipId, 'officer', 'change-b@southandvale.example');
    const f = await signedIn(user.email, user.password);
    const short = await (await change(f, user.password, 'too short')).json();
    expect(short.fieldErrors).toEqual([{ path: 'newPassword', message: 'Use at least 12 characters' }]);
    const common = await (await change(f, user.password, 'Password2024!')).json();
    expect(common.fieldErrors[0].message).toMatch(/too common/);
  });

  it('sets the new password, keeps this session and ends every other one', async () => {
    const user = await addUser(server.storage, partnershipId, 'officer', 'change-c@southandvale.example');
    const here = await signedIn(user.email, user.password);
    const elsewhere = await signedIn(user.email, user.password);
    expect((await change(here, user.password, 'plum orchard under snow')).status).toBe(204);
    expect((await here(`${server.url}/api/session`)).status).toBe(200);
    expect((await elsewhere(`${server.url}/api/session`)).status).toBe(401);
    await signedIn(user.email, 'plum orchard under snow');
    const old = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(old.status).toBe(401);
  });
});
