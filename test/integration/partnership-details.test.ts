import { describe, expect, it } from 'vitest';
import { auditOf, lead, member, partnershipId, server, serveTeam, freshApi } from '../support/team';
import { refusalOf } from '../support/api-refusal';
import { partnershipDetailsApi } from '../../src/app/api/partnership-details-api';
import { DEMO_PARTNERSHIP } from '../../src/server/seed/demo-seed';
import { addOtherPartnership, addUser } from '../support/seed-extra';
import { signedInDevice } from '../support/test-device';
import type { PartnershipDetailsUpdate } from '../../src/domain/partnership-details';

/**
 * What prints on reports: an administrator changes the partnership's full name, protective marking
 * and contact through the real server and the app's own API client; officers' phones pull the
 * change; anyone may read the contacts before signing in; bad input names the field and writes nothing.
 */
serveTeam();

const valid: PartnershipDetailsUpdate = {
  name: DEMO_PARTNERSHIP,
  protectiveMarking: 'OFFICIAL-SENSITIVE',
  contactEmail: 'CSP@Southandvale.example',
  contactPhone: '01235 422400',
  dataController: 'South Oxfordshire District Council',
};

const stored = () => server.storage.transaction((tx) => tx.plans.findPartnership(partnershipId));

describe('changing what prints on reports', () => {
  it('is an administrator’s, audited, and reaches phones at their next pull', async () => {
    const officer = await member('officer');
    await officer.device.sync.syncNow();
    expect((await officer.device.db.partnerships.get(partnershipId))?.details?.protectiveMarking).toBe('OFFICIAL');

    const admin = await member('admin');
    const answer = await partnershipDetailsApi(admin.device.api).changeDetails(partnershipId, valid);
    expect(answer).toEqual({
      name: DEMO_PARTNERSHIP,
      details: {
        protectiveMarking: 'OFFICIAL-SENSITIVE',
        contactEmail: 'csp@southandvale.example',
        contactPhone: '01235 422400',
        dataController: valid.dataController,
      },
    });

    await officer.device.sync.syncNow();
    expect((await officer.device.db.partnerships.get(partnershipId))?.details).toEqual(answer.details);
    const [entry] = await auditOf(partnershipId);
    expect(entry).toMatchObject({
      action: 'partnership.details-changed',
      actorId: admin.id,
      details: { changed: expect.objectContaining({ protectiveMarking: 'OFFICIAL-SENSITIVE' }) },
    });

    // Anyone, signed out: the names and contacts, nothing else.
    const contacts = await partnershipDetailsApi(freshApi()).publicContacts();
    expect(contacts).toContainEqual({
      id: partnershipId,
      name: DEMO_PARTNERSHIP,
      contactEmail: 'csp@southandvale.example',
      contactPhone: '01235 422400',
      dataController: valid.dataController,
    });
  });

  it('is refused to coordinators and officers (403) and outside the partnership (404), writing nothing', async () => {
    const before = await stored();
    const coordinatorRefusal = await refusalOf(partnershipDetailsApi(lead.api).changeDetails(partnershipId, { ...valid, protectiveMarking: 'SECRET' }));
    expect(coordinatorRefusal).toMatchObject({ status: 403, message: expect.stringMatching(/administrators/) });
    const officer = await member('officer');
    expect(await refusalOf(partnershipDetailsApi(officer.device.api).changeDetails(partnershipId, valid))).toMatchObject({ status: 403 });
    const other = await addOtherPartnership(server.storage);
    const otherAdmin = await addUser(server.storage, other.partnershipId, 'admin', `admin-${other.partnershipId.slice(0, 8)}@other.example`);
    const theirPhone = await signedInDevice(server.url, otherAdmin.email, otherAdmin.password);
    expect(await refusalOf(partnershipDetailsApi(theirPhone.api).changeDetails(partnershipId, valid))).toMatchObject({ status: 404 });
    expect(await stored()).toEqual(before);
  });

  it('names the field for an empty name, control characters or a bad email, and writes nothing', async () => {
    const admin = partnershipDetailsApi((await member('admin')).device.api);
    const before = await stored();
    const cases: [Partial<PartnershipDetailsUpdate>, string, RegExp][] = [
      [{ name: '   ' }, 'name', /Enter the partnership’s full name/],
      [{ name: 'South\u0007Vale' }, 'name', /control characters/],
      [{ protectiveMarking: 'OFFICIAL\nSENSITIVE' }, 'protectiveMarking', /control characters/],
      [{ contactEmail: 'not-an-email' }, 'contactEmail', /correct format/],
      [{ contactEmail: '' }, 'contactEmail', /Enter the contact email address/],
      [{ dataController: '' }, 'dataController', /Enter the data controller/],
      [{ contactPhone: 'call me' }, 'contactPhone', /digits/],
    ];
    for (const [change, path, message] of cases) {
      const refusal = await refusalOf(admin.changeDetails(partnershipId, { ...valid, ...change }));
      expect(refusal.status, path).toBe(400);
      expect(refusal.body.fieldErrors, path).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    expect(await stored()).toEqual(before);
  });
});
