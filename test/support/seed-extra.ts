import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/server/auth/password';
import { parsePlanCsv } from '../../src/domain/plan-import/plan-csv';
import { planRecordsFromDraft } from '../../src/server/seed/plan-records';
import type { Storage } from '../../src/server/storage/storage';
import type { Role } from '../../src/domain/user';
import { TEST_SCRYPT } from './test-server';
import { createPartnership } from '../../src/server/partnerships/create-partnership';

/** Adds a user to an existing partnership (for tests that need a second officer). */
export async function addUser(storage: Storage, partnershipId: string, role: Role, email: string, password = 'a-long-test-password') {
  const id = randomUUID();
  const passwordHash = await hashPassword(password, TEST_SCRYPT);
  await storage.transaction(async (tx) => {
    await tx.accounts.insertUser({ id, email, name: `Test ${role} ${email.split('@')[0]}`, passwordHash, active: true, createdAt: new Date().toISOString() });
    await tx.accounts.insertMembership({ userId: id, partnershipId, role, jobTitle: 'Test' });
  });
  return { id, email, password };
}

/**
 * A second partnership with a one-action plan and its own officer: what other users must never see.
 * Each call's is another ("Other Community Safety Partnership", then "… 2"): names are unique.
 */
export async function addOtherPartnership(storage: Storage) {
  const { plan } = parsePlanCsv('ref,objective,priority,action,measures\n1,Other objective,Other priority,Other action,number of other things\n');
  const { partnershipId, records } = await storage.transaction(async (tx) => {
    const others = (await tx.plans.listPartnerships()).filter((p) => p.name.startsWith('Other Community Safety Partnership')).length;
    const name = others === 0 ? 'Other Community Safety Partnership' : `Other Community Safety Partnership ${others + 1}`;
    const partnershipId = await createPartnership(tx, { name, areas: ['Elsewhere'] }, new Date());
    const records = planRecordsFromDraft(plan, { id: randomUUID(), partnershipId, title: 'Other plan', periodStart: '2018-04-01', periodEnd: '2019-03-31' });
    await tx.plans.insertWithRecords(partnershipId, records);
    return { partnershipId, records };
  });
  const officer = await addUser(storage, partnershipId, 'officer', `other-${partnershipId.slice(0, 8)}@other.example`);
  return { partnershipId, action: records.actions[0]!, measure: records.measures[0]!, officer };
}
