import { describe, expect, it } from 'vitest';
import { auditOf, lead, leadAdmin, member, newEmail, officerId, otherPartnership, partnershipId, server, serveTeam } from '../support/team';
import { signedInDevice } from '../support/test-device';
import { refusalOf } from '../support/api-refusal';
import { coordinatorApi } from '../../src/app/api/coordinator-api';

/**
 * A coordinator changes their members' roles through the real server and the app's own API
 * client: a change takes effect on the member's next request, nobody changes their own, and only
 * an administrator touches the administrator role. Someone in two partnerships has the role each
 * gives them.
 */
serveTeam();

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
