import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_SCRYPT, type TestServer } from '../support/test-server';
import { cookieFetch } from '../support/cookie-fetch';
import { runCli } from '../support/cli-process';
import { COORDINATOR, OFFICER } from '../support/demo';
import { createApiClient, type ApiClient } from '../../src/app/api/api-client';
import { coordinatorApi } from '../../src/app/api/coordinator-api';

/**
 * `npm run users -- add | set-password | deactivate`, as an operator runs them: the command-line tool in
 * its own process on the server's database, while the server runs; each effect is checked the way
 * a user meets it, over HTTP.
 */
let server: TestServer;
let coordinator: ApiClient;
let partnershipId: string;
beforeEach(async () => {
  server = await startTestServer();
  coordinator = createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
  partnershipId = (await coordinator.signIn({ email: COORDINATOR.email, password: COORDINATOR.password })).memberships[0]!.partnershipId;
});
afterEach(() => server.close());

const users = (args: string[], env: Record<string, string> = {}, input?: string) =>
  runCli(
    'users',
    args,
    { ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : { DATABASE_PATH: server.dbPath }), SCRYPT_LOG_N: String(TEST_SCRYPT.logN), ...env },
    input,
  );

const signIn = (email: string, password: string, via: typeof fetch = fetch) =>
  via(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

/** The officer signed in on a phone: asks the server whether its session still holds. */
async function officerSession() {
  const phone = cookieFetch();
  expect((await signIn(OFFICER.email, OFFICER.password, phone)).status).toBe(200);
  return { holds: async () => (await phone(`${server.url}/api/session`)).status === 200 };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * What the tool could have written, seen from outside: the partnership's audit log and, on SQLite,
 * the database file and its write-ahead log byte for byte (the server's clock stands still in
 * these tests, so its own reads write nothing).
 */
async function written() {
  const audit = (await coordinator.auditPage(partnershipId)).entries.map((e) => e.id);
  return { audit, file: server.dbPath ? [sha256(server.dbPath), sha256(`${server.dbPath}-wal`)] : [] };
}

describe('npm run users -- add', () => {
  it('adds an administrator', async () => {
    const email = 'operator-admin@southandvale.example';
    const run = await users(['add', '--email', email, '--name', 'Pat Operator', '--partnership', partnershipId, '--role', 'admin'], {
      FIELDBOOK_PASSWORD: 'a long operator passphrase',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await coordinator.members(partnershipId)).toContainEqual(expect.objectContaining({ email, role: 'admin', active: true }));
  });
});

describe('npm run users -- set-password', () => {
  it('sets the password typed at the prompt: the new one signs in, the old one does not, and every session of the user ends', async () => {
    const session = await officerSession();
    const run = await users(['set-password', '--email', OFFICER.email], {}, 'a brand new long passphrase\n');
    expect(run).toEqual({ code: 0, stdout: 'Password set; every session of that user has ended.\n', stderr: 'Password (then Enter): ' });

    expect(await session.holds()).toBe(false);
    expect((await signIn(OFFICER.email, 'a brand new long passphrase')).status).toBe(200);
    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(401);
    expect((await coordinator.auditPage(partnershipId)).entries[0]).toMatchObject({ action: 'account.password-set', actorId: null });
  });

  it('refuses a password the policy refuses and changes nothing', async () => {
    const session = await officerSession();
    const before = await written();
    const run = await users(['set-password', '--email', OFFICER.email], { FIELDBOOK_PASSWORD: 'password' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Password refused: /);
    expect(run.stdout).toBe('');

    expect(await written()).toEqual(before);
    expect(await session.holds()).toBe(true);
    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(200);
  });
});

describe('npm run users -- deactivate', () => {
  it('ends every session of the user and refuses their sign-in from then on', async () => {
    const session = await officerSession();
    const run = await users(['deactivate', '--email', OFFICER.email]);
    expect(run).toEqual({ code: 0, stdout: 'Deactivated; every session of that user has ended.\n', stderr: '' });

    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(401);
    const officer = (await coordinator.members(partnershipId)).find((m) => m.email === OFFICER.email)!;
    expect(officer.active).toBe(false);

    // Ended, not only refused while the account is off (a session used then is ended on the spot,
    // so it is first tried here): reactivated, the officer must sign in again.
    await coordinatorApi(coordinator).reactivateMember(partnershipId, officer.id);
    expect(await session.holds()).toBe(false);
    expect((await signIn(OFFICER.email, OFFICER.password)).status).toBe(200);
  });
});

describe('npm run users, for an email with no account', () => {
  it.each(['set-password', 'deactivate'])('%s exits 1, says so, and writes nothing', async (command) => {
    const email = 'nobody@nowhere.example';
    const before = await written();
    const run = await users([command, '--email', email], { FIELDBOOK_PASSWORD: 'a long operator passphrase' });
    expect(run).toEqual({ code: 1, stdout: '', stderr: `No user with the email ${email}.\n` });

    expect(await written()).toEqual(before);
    expect((await signIn(email, 'a long operator passphrase')).status).toBe(401);
  });
});
