import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { cookieFetch } from '../support/cookie-fetch';
import { memoryStorage } from '../support/memory-storage';
import { COORDINATOR, OFFICER } from '../support/demo';
import { demoPartnershipId } from '../support/demo-partnership';
import { addOtherPartnership, addUser } from '../support/seed-extra';
import { coordinatorApi, type CoordinatorApi } from '../../src/app/api/coordinator-api';
import { createApiClient } from '../../src/app/api/api-client';
import { SessionStore } from '../../src/app/session/session-store';
import { DEVICE_KEYS } from '../../src/app/session/device-keys';
import { checkUnlockVerifier, type UnlockVerifier } from '../../src/app/session/unlock-verifier';
import { partnershipLeftWithoutCoordinator } from '../../src/server/accounts/coordinator-guard';
import type { Role } from '../../src/domain/user';
import { refusalOf } from '../support/api-refusal';

/**
 * Coordinators manage their partnership's people through the real server and the app's own API
 * client: add someone (new, or already in another partnership), change roles, deactivate and
 * reactivate; and the rules that keep a partnership run by someone.
 */
let server: TestServer;
let partnershipId: string;
let lead: TestDevice;
let leadAdmin: CoordinatorApi;
let officerId: string;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
  officerId = (await server.storage.transaction((tx) => tx.accounts.findUserByEmail(OFFICER.email)))!.id;
  lead = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
  leadAdmin = coordinatorApi(lead.api);
});
afterAll(() => server.close());

const newEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@southandvale.example`;
const freshApi = () => createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
/** A user in the demo partnership, signed in on a phone of their own. */
async function member(role: Role, who: string = role) {
  const user = await addUser(server.storage, partnershipId, role, newEmail(who));
  return { ...user, device: await signedInDevice(server.url, user.email, user.password) };
}
/** A second partnership with a coordinator of its own (and, from addOtherPartnership, an officer). */
async function otherPartnership() {
  const other = await addOtherPartnership(server.storage);
  const leadUser = await addUser(server.storage, other.partnershipId, 'coordinator', `lead-${other.partnershipId.slice(0, 8)}@other.example`);
  const leadDevice = await signedInDevice(server.url, leadUser.email, leadUser.password);
  return { ...other, lead: leadUser, admin: coordinatorApi(leadDevice.api) };
}
const auditOf = (id: string, pid = partnershipId) =>
  server.storage.transaction(async (tx) => (await tx.audit.list(pid, undefined, 1000)).filter((e) => e.entityId === id));

describe('adding a member', () => {
  it('gives a new officer a temporary password that opens only the change-password screen, once changed never again', async () => {
    const email = newEmail('alex');
    const added = await leadAdmin.addMember(partnershipId, {
      email: email.toUpperCase(),
      name: 'Alex Morgan',
      jobTitle: 'Community Safety Officer',
      role: 'officer',
    });
    expect(added).toMatchObject({
      existingUser: false,
      member: { name: 'Alex Morgan', email, role: 'officer', jobTitle: 'Community Safety Officer', active: true },
    });
    const temporary = added.temporaryPassword!;
    expect(temporary).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(await lead.api.members(partnershipId)).toContainEqual(added.member);

    // The server keeps a hash; the audit log names the role, never the password.
    const stored = await server.storage.transaction((tx) => tx.accounts.findUserByEmail(email));
    expect(stored).toMatchObject({ mustChangePassword: true, active: true });
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    const audit = await auditOf(added.member.id);
    expect(audit).toMatchObject([{ action: 'member.added', actorId: lead.user.id, details: { role: 'officer', existingUser: false } }]);
    expect(JSON.stringify(audit)).not.toContain(temporary);

    // Signed in with it, the app's session says a new password comes first, and the server allows nothing else.
    const api = freshApi();
    const storage = memoryStorage();
    const session = new SessionStore(() => Promise.resolve(api), storage, 1000);
    await session.signIn(email, temporary);
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-in', user: { email, mustChangePassword: true } });
    expect(await refusalOf(api.pull(undefined))).toMatchObject({ status: 403, message: expect.stringMatching(/temporary/) });
    expect(await refusalOf(api.deviceCheck(randomUUID()))).toMatchObject({ status: 403 });
    const same = await refusalOf(session.changePassword(temporary, temporary));
    expect(same.body.fieldErrors).toEqual([{ path: 'newPassword', message: 'Choose a new password, not the one you have now' }]);

    await session.changePassword(temporary, 'lantern over the river bank');
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-in', user: { mustChangePassword: false } });
    // The idle lock now opens with their own password, not with the one the coordinator saw.
    const verifier = JSON.parse(storage.getItem(DEVICE_KEYS.unlockVerifier(added.member.id))!) as UnlockVerifier;
    expect(await checkUnlockVerifier('lantern over the river bank', verifier)).toBe(true);
    expect(await checkUnlockVerifier(temporary, verifier)).toBe(false);
    expect(await api.getSession()).toMatchObject({ mustChangePassword: false });
    expect((await api.pull(undefined)).changes.plans.map((p) => p.partnershipId)).toContain(partnershipId);

    expect(await refusalOf(freshApi().signIn({ email, password: temporary }))).toMatchObject({ status: 401 });
    expect(await freshApi().signIn({ email, password: 'lantern over the river bank' })).toMatchObject({ email, mustChangePassword: false });
  });

  it('adds someone who already has an account to a second partnership, keeping their name and password', async () => {
    const other = await otherPartnership();
    const person = await member('officer', 'county');
    const added = await other.admin.addMember(other.partnershipId, {
      email: person.email,
      name: 'Somebody Else',
      jobTitle: 'District liaison',
      role: 'coordinator',
    });
    expect(added).toMatchObject({
      existingUser: true,
      temporaryPassword: null,
      member: { id: person.id, name: person.device.user.name, role: 'coordinator', jobTitle: 'District liaison' },
    });
    expect(added.message).toMatch(/already has a Fieldbook account.*keep that name and their own password/);
    expect(await auditOf(person.id, other.partnershipId)).toMatchObject([{ action: 'member.added', details: { role: 'coordinator', existingUser: true } }]);

    // Their password still signs them in, and their session lists both partnerships with each role.
    const user = await freshApi().signIn({ email: person.email, password: person.password });
    expect(user.mustChangePassword).toBe(false);
    expect(user.memberships.map((m) => [m.partnershipId, m.role])).toEqual(
      expect.arrayContaining([
        [partnershipId, 'officer'],
        [other.partnershipId, 'coordinator'],
      ]),
    );
    expect(user.memberships).toHaveLength(2);

    const again = await refusalOf(other.admin.addMember(other.partnershipId, { email: person.email, name: 'Somebody Else', jobTitle: '', role: 'officer' }));
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(/already a member of this partnership/) });
    expect(again.body.fieldErrors?.[0]?.path).toBe('email');
  });

  it('is refused to officers, and only an administrator adds an administrator', async () => {
    const officer = await member('officer');
    const asOfficer = await refusalOf(
      coordinatorApi(officer.device.api).addMember(partnershipId, { email: newEmail('x'), name: 'X', jobTitle: '', role: 'officer' }),
    );
    expect(asOfficer.status).toBe(403);

    const email = newEmail('would-be-admin');
    const asCoordinator = await refusalOf(leadAdmin.addMember(partnershipId, { email, name: 'Would Be', jobTitle: '', role: 'admin' }));
    expect(asCoordinator).toMatchObject({ status: 403, body: { fieldErrors: [{ path: 'role' }] } });
    expect(await server.storage.transaction((tx) => tx.accounts.findUserByEmail(email))).toBeUndefined();

    const admin = await member('admin');
    const added = await coordinatorApi(admin.device.api).addMember(partnershipId, { email, name: 'Would Be', jobTitle: '', role: 'admin' });
    expect(added.member.role).toBe('admin');
  });

  it('says what is wrong with the form, field by field', async () => {
    const e = await refusalOf(leadAdmin.addMember(partnershipId, { email: 'not an address', name: ' ', jobTitle: 'x'.repeat(101), role: 'chief' as Role }));
    expect(e.status).toBe(400);
    expect(e.body.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'Enter an email address in the correct format, like name@example.org' },
        { path: 'name', message: 'Enter their full name' },
        { path: 'jobTitle', message: 'Use 100 characters or fewer' },
        { path: 'role', message: 'Choose a role' },
      ]),
    );
  });
});

describe('changing a role', () => {
  it('takes effect on the member’s next request and starts their pull again', async () => {
    const person = await member('officer');
    await person.device.sync.syncNow();
    const cursor = (await person.device.db.meta.get('pullCursor'))?.value as string;
    expect(
      await refusalOf(coordinatorApi(person.device.api).addMember(partnershipId, { email: newEmail('y'), name: 'Y', jobTitle: '', role: 'officer' })),
    ).toMatchObject({ status: 403 });

    expect(await leadAdmin.changeMember(partnershipId, person.id, { role: 'coordinator' })).toMatchObject({ id: person.id, role: 'coordinator' });
    // No new sign-in: the same session coordinates now, and its pull starts again with what a coordinator sees.
    expect(await person.device.api.members(partnershipId)).toContainEqual(expect.objectContaining({ id: person.id, role: 'coordinator' }));
    expect((await person.device.api.pull(cursor)).reset).toBe(true);

    await leadAdmin.changeMember(partnershipId, person.id, { role: 'officer', jobTitle: 'Community Safety Officer' });
    expect(await refusalOf(person.device.api.members(partnershipId))).toMatchObject({ status: 403 });
    expect(await refusalOf(person.device.api.auditPage(partnershipId))).toMatchObject({ status: 403 });

    expect((await auditOf(person.id)).map((e) => [e.action, e.details])).toEqual([
      ['member.role-changed', { from: 'coordinator', to: 'officer', fields: ['role', 'jobTitle'] }],
      ['member.role-changed', { from: 'officer', to: 'coordinator', fields: ['role'] }],
    ]);
  });

  it('is refused for one’s own role, even to an administrator', async () => {
    const own = await refusalOf(leadAdmin.changeMember(partnershipId, lead.user.id, { role: 'officer' }));
    expect(own).toMatchObject({ status: 403, message: expect.stringMatching(/your own role/) });
    const admin = await member('admin');
    expect(await refusalOf(coordinatorApi(admin.device.api).changeMember(partnershipId, admin.id, { role: 'coordinator' }))).toMatchObject({ status: 403 });
    // Their own job title is theirs to keep up to date.
    expect(await leadAdmin.changeMember(partnershipId, lead.user.id, { role: 'coordinator', jobTitle: 'Community Safety Team Leader' })).toMatchObject({
      role: 'coordinator',
    });
  });

  it('lets only an administrator give or take away the administrator role, or act on an administrator', async () => {
    const officer = await member('officer');
    const admin = await member('admin');
    const adminApi = coordinatorApi(admin.device.api);

    expect(await refusalOf(leadAdmin.changeMember(partnershipId, officer.id, { role: 'admin' }))).toMatchObject({ status: 403 });
    expect(await refusalOf(leadAdmin.changeMember(partnershipId, admin.id, { role: 'coordinator' }))).toMatchObject({ status: 403 });
    expect(await refusalOf(lead.api.deactivateMember(partnershipId, admin.id))).toMatchObject({ status: 403 });

    expect(await adminApi.changeMember(partnershipId, officer.id, { role: 'admin' })).toMatchObject({ role: 'admin' });
    // An administrator has every coordinator right.
    expect(await officer.device.api.members(partnershipId)).toContainEqual(expect.objectContaining({ id: officer.id, role: 'admin' }));
    expect(await adminApi.changeMember(partnershipId, officer.id, { role: 'coordinator' })).toMatchObject({ role: 'coordinator' });
    await admin.device.api.deactivateMember(partnershipId, officer.id);
  });
});

describe('deactivating and reactivating', () => {
  it('ends every session at once; reactivated, they sign in again with their own password', async () => {
    const officer = await member('officer');
    await lead.api.deactivateMember(partnershipId, officer.id);
    expect(await refusalOf(officer.device.api.getSession())).toMatchObject({ status: 401 });
    expect(await refusalOf(freshApi().signIn({ email: officer.email, password: officer.password }))).toMatchObject({ status: 401 });
    expect(await lead.api.members(partnershipId)).toContainEqual(expect.objectContaining({ id: officer.id, active: false }));

    const byOfficer = await member('officer');
    expect(await refusalOf(coordinatorApi(byOfficer.device.api).reactivateMember(partnershipId, officer.id))).toMatchObject({ status: 403 });
    const elsewhere = await otherPartnership();
    expect(await refusalOf(elsewhere.admin.reactivateMember(partnershipId, officer.id))).toMatchObject({ status: 404 });

    await leadAdmin.reactivateMember(partnershipId, officer.id);
    expect(await freshApi().signIn({ email: officer.email, password: officer.password })).toMatchObject({ id: officer.id });
    expect((await auditOf(officer.id)).map((e) => e.action)).toEqual(['member.reactivated', 'member.deactivated']);
  });

  it('is refused when it would leave any of the person’s partnerships without an active coordinator', async () => {
    // Coordinator of a district partnership, officer in the county's: the county coordinator cannot switch them off.
    const district = await addOtherPartnership(server.storage);
    const person = await member('officer', 'district-lead');
    await server.storage.transaction((tx) =>
      tx.accounts.insertMembership({ userId: person.id, partnershipId: district.partnershipId, role: 'coordinator', jobTitle: 'District CSP Coordinator' }),
    );
    const refused = await refusalOf(lead.api.deactivateMember(partnershipId, person.id));
    expect(refused).toMatchObject({ status: 409, message: expect.stringMatching(/last active coordinator of Other Community Safety Partnership/) });
    expect(await person.device.api.getSession()).toMatchObject({ id: person.id });

    // Once the district has another coordinator, it goes through, and both partnerships' logs say so.
    await coordinatorApi(person.device.api).changeMember(district.partnershipId, district.officer.id, { role: 'coordinator' });
    await lead.api.deactivateMember(partnershipId, person.id);
    expect(await refusalOf(person.device.api.getSession())).toMatchObject({ status: 401 });
    expect((await auditOf(person.id, district.partnershipId)).map((e) => [e.action, e.actorId])).toEqual([['member.deactivated', lead.user.id]]);
    expect(await lead.api.members(partnershipId)).toContainEqual(expect.objectContaining({ id: person.id, active: false }));
  });

  it('the same rule refuses a demotion: it counts active coordinators and administrators only', async () => {
    // Through the API a demotion can never strand a partnership (nobody changes their own role,
    // and whoever asks is an active coordinator there), so the rule is checked on its own.
    const other = await addOtherPartnership(server.storage);
    const first = await addUser(server.storage, other.partnershipId, 'coordinator', newEmail('first'));
    const memberships = await server.storage.transaction((tx) => tx.accounts.listMemberships(first.id));
    const stranded = () => server.storage.transaction((tx) => partnershipLeftWithoutCoordinator(tx, memberships));
    expect(await stranded()).toMatchObject({ partnershipId: other.partnershipId });
    const second = await addUser(server.storage, other.partnershipId, 'admin', newEmail('second'));
    expect(await stranded()).toBeUndefined();
    await server.storage.transaction((tx) => tx.accounts.setUserActive(second.id, false));
    expect(await stranded()).toMatchObject({ partnershipId: other.partnershipId });
    await server.storage.transaction((tx) => tx.accounts.updateMembership(other.officer.id, other.partnershipId, { role: 'coordinator' }));
    expect(await stranded()).toBeUndefined();
  });
});

describe('one person in two partnerships', () => {
  it('coordinates only where they are a coordinator, and pulls both partnerships’ plans', async () => {
    const other = await otherPartnership();
    const person = await member('officer', 'two-hats');
    await other.admin.addMember(other.partnershipId, { email: person.email, name: 'ignored', jobTitle: 'District CSP Coordinator', role: 'coordinator' });
    const phone = await signedInDevice(server.url, person.email, person.password);
    const theirs = coordinatorApi(phone.api);

    // The first partnership's coordinator routes: 403. The second's: theirs.
    for (const path of ['members', 'audit', 'audit.csv']) {
      expect((await phone.fetch(`${server.url}/api/partnerships/${partnershipId}/${path}`)).status).toBe(403);
      expect((await phone.fetch(`${server.url}/api/partnerships/${other.partnershipId}/${path}`)).status).toBe(200);
    }
    expect(await refusalOf(theirs.addMember(partnershipId, { email: newEmail('z'), name: 'Z', jobTitle: '', role: 'officer' }))).toMatchObject({ status: 403 });
    expect(await refusalOf(theirs.changeMember(partnershipId, officerId, { role: 'coordinator' }))).toMatchObject({ status: 403 });
    expect(await refusalOf(phone.api.deactivateMember(partnershipId, lead.user.id))).toMatchObject({ status: 403 });
    expect(await theirs.changeMember(other.partnershipId, other.officer.id, { role: 'officer', jobTitle: 'Town officer' })).toMatchObject({
      jobTitle: 'Town officer',
    });

    // Each Team screen shows that partnership's role.
    expect(await lead.api.members(partnershipId)).toContainEqual(expect.objectContaining({ id: person.id, role: 'officer' }));
    expect(await phone.api.members(other.partnershipId)).toContainEqual(
      expect.objectContaining({ id: person.id, role: 'coordinator', jobTitle: 'District CSP Coordinator' }),
    );

    await phone.sync.syncNow();
    expect((await phone.db.partnerships.toArray()).map((p) => p.id).sort()).toEqual([partnershipId, other.partnershipId].sort());
    expect(new Set((await phone.db.plans.toArray()).map((p) => p.partnershipId))).toEqual(new Set([partnershipId, other.partnershipId]));
  });
});

describe('npm run users', () => {
  it('adds an administrator', async () => {
    const email = newEmail('operator-admin');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli/users.ts', 'add', '--email', email, '--name', 'Pat Operator', '--partnership', partnershipId, '--role', 'admin'],
      {
        cwd: resolve(import.meta.dirname, '../..'),
        env: {
          ...process.env,
          ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : { DATABASE_PATH: server.dbPath }),
          SCRYPT_LOG_N: '12',
          FIELDBOOK_PASSWORD: 'a long operator passphrase',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(await lead.api.members(partnershipId)).toContainEqual(expect.objectContaining({ email, role: 'admin', active: true }));
  });
});
