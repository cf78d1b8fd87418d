import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, seeded } from '../../support/storage-contract';
import { DEMO_PARTNERSHIP } from '../../../src/server/seed/demo-seed';

/** tx.accounts: users and memberships. */
describeOnEachDatabase('the account store', (db) => {
  it('keeps users, memberships and roles, with emails compared in lower case', async () => {
    const s = await seeded(db.storage);
    const id = randomUUID();
    await db.storage.transaction(async (tx) => {
      await tx.accounts.insertUser({ id, email: 'New.Person@Council.Example', name: 'New Person', passwordHash: 'h', active: true, createdAt: ISO });
      await tx.accounts.insertMembership({ userId: id, partnershipId: s.partnership.id, role: 'coordinator', jobTitle: 'Analyst' });
    });
    const user = await db.storage.transaction((tx) => tx.accounts.findUserByEmail('new.person@council.example'));
    expect(user).toEqual({
      id,
      email: 'new.person@council.example',
      name: 'New Person',
      passwordHash: 'h',
      active: true,
      createdAt: ISO,
      mustChangePassword: false,
    });
    expect(await db.storage.transaction((tx) => tx.accounts.listMemberships(id))).toEqual([
      { partnershipId: s.partnership.id, partnershipName: DEMO_PARTNERSHIP, role: 'coordinator', jobTitle: 'Analyst' },
    ]);
    const coordinators = await db.storage.transaction((tx) => tx.accounts.countActiveCoordinators(s.partnership.id));
    expect(coordinators).toBe(2);
    await db.storage.transaction(async (tx) => {
      await tx.accounts.setUserActive(id, false);
      await tx.accounts.setMustChangePassword(id, true);
      await tx.accounts.updateMembership(id, s.partnership.id, { role: 'admin' });
    });
    expect(await db.storage.transaction((tx) => tx.accounts.countActiveCoordinators(s.partnership.id))).toBe(1);
    expect(await db.storage.transaction((tx) => tx.accounts.findMember(s.partnership.id, id))).toEqual({
      id,
      name: 'New Person',
      email: 'new.person@council.example',
      role: 'admin',
      jobTitle: 'Analyst',
      active: false,
    });
    expect((await db.storage.transaction((tx) => tx.accounts.findUserById(id)))?.mustChangePassword).toBe(true);
    expect((await db.storage.transaction((tx) => tx.accounts.listMembers(s.partnership.id))).map((m) => m.name)).toEqual([
      'Jo Bennett',
      'New Person',
      'Sam Patel',
    ]);
  });
});
