import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_SCRYPT, type TestServer } from '../support/test-server';
import { runCli } from '../support/cli-process';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { demoPartnershipId } from '../support/demo-partnership';
import { addOtherPartnership, addUser } from '../support/seed-extra';
import { outcomeFor } from '../support/outcomes';
import { cookieFetch } from '../support/cookie-fetch';
import { logOutcome } from '../../src/app/data/log-outcome';
import { deviceId } from '../../src/app/sync/device-id';
import { coordinatorApi } from '../../src/app/api/coordinator-api';
import { pathTo, type Endpoint } from '../../src/domain/api/endpoint';
import { VIEWER_CANNOT_CHANGE } from '../../src/server/auth/authenticate';

/**
 * The viewer role (decision 42) against the real server: every declared endpoint is called as a
 * viewer and answers as this table says. A route added without a line here fails the first test,
 * so nobody adds one without deciding what a viewer may do with it.
 *
 * - reads: answered (2xx)
 * - own: the viewer's own session or password: answered
 * - refused: 403; a change is refused before it is read, with the viewer's message
 * - hidden: 404, as for any member who may not see it (photos: the outcome's author and coordinators only)
 */
type Expected = 'reads' | 'own' | 'refused' | 'hidden';
const EXPECTED: Record<string, Expected> = {
  'POST /api/session': 'own',
  'GET /api/session': 'reads',
  'DELETE /api/session': 'own',
  'POST /api/account/password': 'own',
  'POST /api/sync/push': 'refused',
  'GET /api/sync/pull': 'reads',
  'GET /api/sync/device-check': 'reads',
  'GET /api/partnerships/:partnershipId/tallies': 'reads',
  'GET /api/partnerships/:partnershipId/members': 'refused',
  'POST /api/partnerships/:partnershipId/members': 'refused',
  'PATCH /api/partnerships/:partnershipId/members/:userId': 'refused',
  'POST /api/partnerships/:partnershipId/members/:userId/deactivate': 'refused',
  'POST /api/partnerships/:partnershipId/members/:userId/reactivate': 'refused',
  'GET /api/partnerships/:partnershipId/outcomes/:outcomeId/history': 'refused',
  'POST /api/partnerships/:partnershipId/unsynced-import': 'refused',
  'GET /api/partnerships/:partnershipId/audit': 'refused',
  'GET /api/partnerships/:partnershipId/audit.csv': 'refused',
  'PUT /api/photos/:photoId': 'refused',
  'GET /api/photos/:photoId': 'hidden',
  'GET /api/outcomes/:outcomeId/photos': 'hidden',
  'POST /api/partnerships/:partnershipId/plans': 'refused',
  'PATCH /api/plans/:planId': 'refused',
  'POST /api/plans/:planId/import': 'refused',
  'POST /api/plans/:planId/actions': 'refused',
  'PATCH /api/actions/:actionId': 'refused',
  'POST /api/actions/:actionId/merge': 'refused',
  'DELETE /api/actions/:actionId': 'refused',
  'POST /api/actions/:actionId/measures': 'refused',
  'PATCH /api/measures/:measureId': 'refused',
  'DELETE /api/measures/:measureId': 'refused',
  'PUT /api/actions/:actionId/reviews/:quarterStart': 'refused',
  'POST /api/plans/:planId/sign-offs': 'refused',
  'POST /api/plans/:planId/sign-offs/:quarterStart/reopen': 'refused',
  'PUT /api/plans/:planId/fund-return': 'refused',
  'PUT /api/partnerships/:partnershipId/details': 'refused',
  'GET /api/public/partnerships': 'reads',
  'POST /api/partnerships/:partnershipId/areas': 'refused',
  'PATCH /api/partnerships/:partnershipId/areas/:entryId': 'refused',
  'POST /api/partnerships/:partnershipId/organisations': 'refused',
  'PATCH /api/partnerships/:partnershipId/organisations/:entryId': 'refused',
};

/** A real 4×3 JPEG, for the officer's photo and the viewer's attempt to add one. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDIBCQkJDAsMGA0NGDIhHCEyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMv/AABEIAAMABAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AMGvtTwT/9k=',
  'base64',
);
const Q = '2018-07-01';
const VIEWER_PASSWORD = 'a-long-test-password';

/** Every declaration in every file of src/domain/api, as `METHOD path`. */
async function declaredEndpoints(): Promise<Endpoint[]> {
  const dir = join(import.meta.dirname, '../../src/domain/api');
  const found: Endpoint[] = [];
  for (const file of readdirSync(dir)) {
    const module = (await import(join(dir, file))) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value === 'object' && value !== null && 'method' in value && 'path' in value) found.push(value as Endpoint);
    }
  }
  return found;
}
const keyOf = (e: Endpoint) => `${e.method} ${e.path}`;

let server: TestServer;
let partnershipId: string;
let coordinator: TestDevice;
let officer: TestDevice;
let viewerLogin: { id: string; email: string; password: string };
let withNotes: string;
let photoId: string;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
  viewerLogin = await addUser(server.storage, partnershipId, 'viewer', 'councillor@southandvale.example', VIEWER_PASSWORD);
  coordinator = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
  officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  await Promise.all([coordinator.sync.syncNow(), officer.sync.syncNow()]);

  // What a viewer must not see: an officer's outcome with a note and a photo.
  const logged = await logOutcome(officer.db, officer.user, { ...(await outcomeFor(officer.db, '22')), notes: 'Spoke to a resident at number 4' }, undefined, {
    confirmDuplicate: true,
  });
  await officer.sync.syncNow();
  withNotes = logged.id;
  photoId = crypto.randomUUID();
  const put = await officer.fetch(`${server.url}/api/photos/${photoId}?outcomeId=${withNotes}&width=4&height=3`, {
    method: 'PUT',
    body: JPEG,
    headers: { 'content-type': 'image/jpeg' },
  });
  expect(put.status).toBe(201);

  // What a viewer must see: a review and a PCC return.
  const admin = coordinatorApi(coordinator.api);
  const ref22 = (await coordinator.db.actions.where('ref').equals('22').first())!;
  await admin.saveReview(ref22.id, Q, { rag: 'green', commentary: 'On track', remedialAction: '' });
  await admin.saveFundReturn(ref22.planId, {
    baseVersion: null,
    grantPence: 100_00,
    localAuthorityArea: 'South Oxfordshire and Vale of White Horse',
    councilContact: 'Jo Bennett',
    policeLead: 'Area commander',
    lines: [],
  });
});
afterAll(() => server.close());

describe('a viewer', () => {
  it('is answered by every declared endpoint as the table says, and changes nothing', async () => {
    const declared = await declaredEndpoints();
    for (const endpoint of declared) expect(EXPECTED[keyOf(endpoint)], `${keyOf(endpoint)}: say what a viewer may do with it`).toBeDefined();
    expect(declared.map(keyOf).sort()).toEqual(Object.keys(EXPECTED).sort());

    const ref22 = (await coordinator.db.actions.where('ref').equals('22').first())!;
    const measure = (await coordinator.db.measures.where('actionId').equals(ref22.id).first())!;
    const params: Record<string, string> = {
      partnershipId,
      planId: ref22.planId,
      actionId: ref22.id,
      measureId: measure.id,
      userId: officer.user.id,
      outcomeId: withNotes,
      photoId,
      quarterStart: Q,
      entryId: crypto.randomUUID(),
    };
    const deviceId = crypto.randomUUID();
    const query: Record<string, string> = {
      'GET /api/sync/device-check': `?deviceId=${deviceId}`,
      'PUT /api/photos/:photoId': `?outcomeId=${withNotes}&width=4&height=3`,
    };
    const body: Record<string, unknown> = {
      'POST /api/session': { email: viewerLogin.email, password: VIEWER_PASSWORD },
      'POST /api/account/password': { currentPassword: VIEWER_PASSWORD, newPassword: 'another-long-test-password' },
    };
    const auditBefore = await server.storage.transaction((tx) => tx.audit.list(partnershipId, undefined, 1000));

    const viewer = cookieFetch();
    const first = (e: Endpoint) => (e.method === 'POST' && e.path === '/api/session' ? 0 : e.method === 'DELETE' && e.path === '/api/session' ? 2 : 1);
    for (const endpoint of [...declared].sort((a, b) => first(a) - first(b))) {
      const key = keyOf(endpoint);
      const url = `${server.url}${pathTo(endpoint, params)}${query[key] ?? ''}`;
      const init: RequestInit =
        endpoint.method === 'GET'
          ? {}
          : key === 'PUT /api/photos/:photoId'
            ? { method: endpoint.method, body: JPEG, headers: { 'content-type': 'image/jpeg' } }
            : { method: endpoint.method, body: JSON.stringify(body[key] ?? {}), headers: { 'content-type': 'application/json' } };
      const res = await viewer(url, init);
      const answer = res.status >= 400 ? ((await res.json()) as { message: string }) : undefined;
      const expected = EXPECTED[key]!;
      if (expected === 'reads' || expected === 'own') expect(res.status, `${key} ${answer?.message ?? ''}`).toBeLessThan(300);
      if (expected === 'hidden') expect(res.status, key).toBe(404);
      if (expected === 'refused') {
        expect(res.status, `${key} ${answer?.message ?? ''}`).toBe(403);
        if (endpoint.method !== 'GET') expect(answer?.message, key).toBe(VIEWER_CANNOT_CHANGE);
      }
    }

    // Nothing was written on the viewer's behalf: no device registered by the push, and the
    // audit log holds only the password change (their own account).
    expect(await server.storage.transaction((tx) => tx.devices.find(deviceId))).toBeUndefined();
    const auditAfter = await server.storage.transaction((tx) => tx.audit.list(partnershipId, undefined, 1000));
    expect(auditAfter.length - auditBefore.length).toBe(1);
    expect(auditAfter.map((e) => e.action)).toContain('account.password-changed');
  });

  it('pulls the plan, every outcome without its note, the reviews and the PCC return', async () => {
    const login = await addUser(server.storage, partnershipId, 'viewer', 'pcc-office@southandvale.example');
    const viewer = await signedInDevice(server.url, login.email, login.password);
    await viewer.sync.syncNow();
    await coordinator.sync.syncNow();
    expect(await viewer.db.actions.count()).toBe(await coordinator.db.actions.count());
    expect(await viewer.db.outcomes.count()).toBe(await coordinator.db.outcomes.count());
    expect((await coordinator.db.outcomes.get(withNotes))?.notes).toBe('Spoke to a resident at number 4');
    expect(await viewer.db.outcomes.get(withNotes)).toMatchObject({ id: withNotes, notes: null });
    expect((await viewer.db.outcomes.toArray()).filter((o) => o.notes !== null)).toEqual([]);
    expect(await viewer.db.reviews.count()).toBeGreaterThan(0);
    expect(await viewer.db.reviews.count()).toBe(await coordinator.db.reviews.count());
    expect(await viewer.db.fundReturns.count()).toBe(1);
    expect(await viewer.db.places.count()).toBe(await officer.db.places.count());
    // An officer reads no reviews or returns: the viewer's are not everyone's.
    await officer.sync.syncNow();
    expect(await officer.db.reviews.count()).toBe(0);
    expect(await officer.db.fundReturns.count()).toBe(0);
  });

  it('who writes in another partnership has each change to the one they view refused, one by one', async () => {
    const other = await addOtherPartnership(server.storage);
    const both = await addUser(server.storage, other.partnershipId, 'officer', 'board-member@other.example');
    await server.storage.transaction((tx) => tx.accounts.insertMembership({ userId: both.id, partnershipId, role: 'viewer', jobTitle: 'Board member' }));
    const phone = await signedInDevice(server.url, both.email, both.password);
    await phone.sync.syncNow();
    const viewed = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'), undefined, { confirmDuplicate: true });
    await phone.sync.syncNow();
    expect(await server.storage.transaction((tx) => tx.outcomes.find(viewed.id))).toBeUndefined();
    expect(await phone.db.outcomes.get(viewed.id)).toMatchObject({ syncState: 'rejected' });
    const rejected = await server.storage.transaction(async (tx) => tx.devices.listRejections(await deviceId(phone.db)));
    expect(rejected).toEqual([expect.objectContaining({ code: 'forbidden', message: VIEWER_CANNOT_CHANGE })]);
  });
});

describe('npm run users -- add --role viewer', () => {
  const users = (args: string[]) =>
    runCli('users', args, {
      ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : { DATABASE_PATH: server.dbPath }),
      SCRYPT_LOG_N: String(TEST_SCRYPT.logN),
      FIELDBOOK_PASSWORD: 'a long operator passphrase',
    });
  const add = (email: string, role: string) => users(['add', '--email', email, '--name', 'Cllr Ada Reed', '--partnership', partnershipId, '--role', role]);

  it('adds a viewer, who signs in as one; a role that does not exist names those that do and adds no one', async () => {
    const email = 'scrutiny-chair@southandvale.example';
    const run = await add(email, 'viewer');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const phone = cookieFetch();
    const signIn = await phone(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a long operator passphrase' }),
    });
    expect(((await signIn.json()) as { user: { memberships: { role: string }[] } }).user.memberships).toEqual([expect.objectContaining({ role: 'viewer' })]);

    const wrong = await add('nobody-yet@southandvale.example', 'reader');
    expect(wrong).toEqual({ code: 1, stdout: '', stderr: '--role must be viewer, officer, coordinator or admin.\n' });
    expect(await server.storage.transaction((tx) => tx.accounts.findUserByEmail('nobody-yet@southandvale.example'))).toBeUndefined();
  });
});
