import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_SCRYPT, type TestServer } from '../support/test-server';
import { cookieFetch } from '../support/cookie-fetch';
import { runCli } from '../support/cli-process';
import { COORDINATOR } from '../support/demo';
import { DEMO_PARTNERSHIP } from '../../src/server/seed/demo-seed';

/**
 * `npm run partnerships -- add | list`, as an operator starts a partnership: the tool in its own
 * process on the server's database while the server runs, then its first administrator made with
 * `npm run users`, who signs in and keeps the partnership's areas over HTTP.
 */
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const env = () => ({
  ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : { DATABASE_PATH: server.dbPath }),
  SCRYPT_LOG_N: String(TEST_SCRYPT.logN),
});
const partnerships = (args: string[]) => runCli('partnerships', args, env());
const users = (args: string[], password: string) => runCli('users', args, { ...env(), FIELDBOOK_PASSWORD: password });

async function signedIn(email: string, password: string) {
  const client = cookieFetch();
  const r = await client(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { user: { memberships: { partnershipId: string; partnershipName: string; role: string }[] } };
  const send = (method: string, path: string, json: unknown) =>
    client(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  return { memberships: body.user.memberships, send, get: (path: string) => client(`${server.url}${path}`) };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** What the tool could have written: on SQLite the database file and its log byte for byte; on PostgreSQL, the partnerships it lists. */
async function written() {
  return server.dbPath ? [sha256(server.dbPath), sha256(`${server.dbPath}-wal`)] : (await partnerships(['list'])).stdout;
}

describe('npm run partnerships', () => {
  it('starts a partnership whose administrator, made by npm run users, signs in and keeps its areas', async () => {
    const name = 'Cherwell Community Safety Partnership';
    const add = await partnerships([
      'add',
      '--name',
      name,
      '--areas',
      'Banbury; Bicester; Kidlington',
      '--organisations',
      'Thames Valley Police; Cherwell District Council',
    ]);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^Added Cherwell Community Safety Partnership \(.+\) with 3 areas and 2 organisations\.\n$/);

    const list = await partnerships(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^Cherwell Community Safety Partnership\t\S+\t3 areas\t0 members\n/m);
    expect(list.stdout).toMatch(new RegExp(`^${DEMO_PARTNERSHIP}\\t\\S+\\t7 areas\\t2 members\\n`, 'm'));

    const email = 'lead@cherwell.example';
    const password = 'a long operator passphrase';
    const made = await users(
      ['add', '--email', email, '--name', 'Lee Lead', '--partnership', name, '--role', 'admin', '--job-title', 'Community Safety Manager'],
      password,
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);

    const admin = await signedIn(email, password);
    expect(admin.memberships).toEqual([expect.objectContaining({ partnershipName: name, role: 'admin' })]);
    const partnershipId = admin.memberships[0]!.partnershipId;
    const added = await admin.send('POST', `/api/partnerships/${partnershipId}/areas`, { name: 'Adderbury' });
    expect(added.status).toBe(201);
    const taken = await admin.send('POST', `/api/partnerships/${partnershipId}/areas`, { name: ' banbury ' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { message: string }).message).toBe('An area called Banbury already exists.');

    // A coordinator of another partnership is told nothing about this one; within their own, only administrators may.
    const coordinator = await signedIn(COORDINATOR.email, COORDINATOR.password);
    expect((await coordinator.send('POST', `/api/partnerships/${partnershipId}/areas`, { name: 'Elsewhere' })).status).toBe(404);
    expect((await coordinator.send('POST', `/api/partnerships/${coordinator.memberships[0]!.partnershipId}/areas`, { name: 'Elsewhere' })).status).toBe(403);

    const pulled = (await (await admin.get('/api/sync/pull?limit=500')).json()) as {
      changes: { partnerships: { name: string; towns: string[] }[]; areas: { name: string }[]; organisations: { name: string }[] };
    };
    expect(pulled.changes.partnerships).toEqual([expect.objectContaining({ name, towns: ['Adderbury', 'Banbury', 'Bicester', 'Kidlington'] })]);
    expect(pulled.changes.areas.map((a) => a.name).sort()).toEqual(['Adderbury', 'Banbury', 'Bicester', 'Kidlington']);
    expect(pulled.changes.organisations.map((a) => a.name).sort()).toEqual(['Cherwell District Council', 'Thames Valley Police']);
  });

  it.each([
    [
      'a name already taken, case aside',
      ['add', '--name', DEMO_PARTNERSHIP.toUpperCase(), '--areas', 'Didcot'],
      /^A partnership called South and Vale Community Safety Partnership already exists\.\n {2}--name: Already taken\n$/,
    ],
    ['no areas', ['add', '--name', 'Empty CSP', '--areas', ' ; '], /^The partnership has a problem\.\n {2}--areas: A partnership needs at least one area\n$/],
    ['no --areas at all', ['add', '--name', 'Empty CSP'], /^--areas is required for "add"/],
    [
      'a control character in the name',
      ['add', '--name', 'Tab\tCSP', '--areas', 'Banbury'],
      /^The partnership has a problem\.\n {2}--name: Must not contain control characters/,
    ],
    [
      'an area named twice',
      ['add', '--name', 'Twice CSP', '--areas', 'Banbury; BANBURY'],
      /^An area called BANBURY is named twice\.\n {2}--areas: An area called BANBURY is named twice\n$/,
    ],
    ['an unknown option', ['add', '--name', 'Odd CSP', '--areas', 'Banbury', '--town', 'Bicester'], /Unknown option '--town'/],
    ['an unknown command', ['remove', '--name', 'Odd CSP'], /^Commands: add, list/],
  ])('refuses %s: says so, exits 1, writes nothing', async (_what, args, message) => {
    const before = await written();
    const run = await partnerships(args);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(await written()).toEqual(before);
  });
});
