import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePlanCsv } from '../../domain/plan-import/plan-csv';
import type { Storage } from '../storage/storage';
import { hashPassword, type ScryptCost } from '../auth/password';
import { passwordProblems } from '../auth/password-policy';
import { planRecordsFromDraft } from './plan-records';
import { appendAudit } from '../audit/append-audit';
import { createPartnership } from '../partnerships/create-partnership';

/**
 * The demo partnership a fresh install starts with: South and Vale CSP's 2018-19 rolling plan
 * (fixtures/plans, copied from the partnership's published plan), a field officer who owns the
 * Community Safety Projects Officer's actions, and a coordinator.
 */
export const DEMO_PARTNERSHIP = 'South and Vale Community Safety Partnership';
export const DEMO_USERS = {
  officer: { email: 'officer@southandvale.example', password: 'market-town-patrol', name: 'Sam Patel', jobTitle: 'Community Safety Projects Officer' },
  coordinator: { email: 'coordinator@southandvale.example', password: 'csp-meeting-ready', name: 'Jo Bennett', jobTitle: 'Community Safety Team Leader' },
} as const;
/** The plan's actions led by the Community Safety Projects Officer. */
export const DEMO_OFFICER_REFS = ['3', '8', '15', '16', '17', '18', '19', '21', '24'];
export const DEMO_TOWNS = ['Abingdon', 'Didcot', 'Faringdon', 'Henley-on-Thames', 'Thame', 'Wallingford', 'Wantage'];
/** The partner organisations the plan's lead agencies name (fixtures/plans), as an administrator would list them. */
export const DEMO_ORGANISATIONS = [
  'A2 Dominion',
  'Compass',
  'District Councils Community Safety Team',
  'Fire & Rescue',
  'JTM',
  'Mears',
  'Soha',
  'Sovereign Housing',
  'Thames Valley Police',
];

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/plans/${name}`, import.meta.url)), 'utf8');

export class SeedError extends Error {
  override name = 'SeedError';
}

/** Seeds the demo when the database holds no partnership yet; returns whether it did. */
export async function seedDemoIfEmpty(storage: Storage, scryptCost: ScryptCost, now = new Date()): Promise<boolean> {
  if ((await storage.transaction((tx) => tx.plans.countPartnerships())) > 0) return false;

  const parsed = parsePlanCsv(fixture('south-and-vale-2018-19.csv'), fixture('south-and-vale-2018-19-indicators.csv'));
  if (parsed.problems.length > 0) {
    throw new SeedError(`The demo plan fixture has problems: ${parsed.problems.map((p) => `line ${p.line} ${p.column ?? ''}: ${p.message}`).join('; ')}`);
  }
  // The demo obeys the password policy it asks of everyone else.
  for (const u of Object.values(DEMO_USERS)) {
    const problems = passwordProblems(u.password, { email: u.email });
    if (problems.length > 0) throw new SeedError(`The demo password for ${u.email} breaks the password policy: ${problems.join('; ')}`);
  }
  // Hash before the transaction: scrypt is slow and the transaction should be short.
  const [officerHash, coordinatorHash] = await Promise.all([
    hashPassword(DEMO_USERS.officer.password, scryptCost),
    hashPassword(DEMO_USERS.coordinator.password, scryptCost),
  ]);
  const officerId = randomUUID();
  const coordinatorId = randomUUID();
  await storage.transaction(async (tx) => {
    // Checked again inside the transaction: two instances starting together must not both seed.
    if ((await tx.plans.countPartnerships()) > 0) return;
    // The way every partnership starts: the demo's areas and organisations are its records like any other's.
    const partnershipId = await createPartnership(tx, { name: DEMO_PARTNERSHIP, areas: DEMO_TOWNS, organisations: DEMO_ORGANISATIONS }, now);
    const records = planRecordsFromDraft(
      parsed.plan,
      { id: randomUUID(), partnershipId, title: 'Rolling annual plan 2018-19', periodStart: '2018-04-01', periodEnd: '2019-03-31' },
      new Map(DEMO_OFFICER_REFS.map((ref) => [ref, [officerId]])),
    );
    const createdAt = now.toISOString();
    for (const [id, u, hash, role] of [
      [officerId, DEMO_USERS.officer, officerHash, 'officer'],
      [coordinatorId, DEMO_USERS.coordinator, coordinatorHash, 'coordinator'],
    ] as const) {
      await tx.accounts.insertUser({ id, email: u.email, name: u.name, passwordHash: hash, active: true, createdAt });
      await tx.accounts.insertMembership({ userId: id, partnershipId, role, jobTitle: u.jobTitle });
    }
    await tx.plans.insertWithRecords(partnershipId, records);
    await appendAudit(
      tx,
      {
        partnershipId,
        actorId: null,
        action: 'plan.imported',
        entityType: 'plan',
        entityId: records.plan.id,
        details: { source: 'demo seed', actions: records.actions.length },
      },
      now,
    );
  });
  return true;
}
