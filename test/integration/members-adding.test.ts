import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditOf, freshApi, lead, leadAdmin, member, newEmail, otherPartnership, partnershipId, server, serveTeam } from '../support/team';
import { memoryStorage } from '../support/memory-storage';
import { refusalOf } from '../support/api-refusal';
import { coordinatorApi } from '../../src/app/api/coordinator-api';
import { SessionStore } from '../../src/app/session/session-store';
import { DEVICE_KEYS } from '../../src/app/session/device-keys';
import { checkUnlockVerifier, type UnlockVerifier } from '../../src/app/session/unlock-verifier';
import type { Role } from '../../src/domain/user';

/**
 * A coordinator adds people to their partnership through the real server and the app's own API
 * client: someone new, whose temporary password opens only the change-password screen, or someone
 * who already has an account in another partnership; and who may add whom.
 */
serveTeam();

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
