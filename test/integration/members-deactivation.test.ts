import { describe, expect, it } from 'vitest';
import { auditOf, freshApi, lead, leadAdmin, member, newEmail, otherPartnership, partnershipId, server, serveTeam } from '../support/team';
import { addOtherPartnership, addUser } from '../support/seed-extra';
import { refusalOf } from '../support/api-refusal';
import { coordinatorApi } from '../../src/app/api/coordinator-api';
import { partnershipLeftWithoutCoordinator } from '../../src/server/accounts/coordinator-guard';

/**
 * A coordinator deactivates and reactivates members through the real server and the app's own API
 * client; and the rule that keeps each of a person's partnerships run by an active coordinator.
 */
serveTeam();

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
