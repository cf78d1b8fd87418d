import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlanCsv } from '../../src/domain/plan-import/plan-csv';
import { planRecordsFromDraft } from '../../src/server/seed/plan-records';
import { DEMO_TOWNS } from '../../src/server/seed/demo-seed';
import { emptyChanges, type PullResponse } from '../../src/domain/sync/pull';

// From the project root (vitest's working directory): under jsdom, import.meta.url is not a file URL.
const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'fixtures/plans', name), 'utf8');

/**
 * A pull page holding the real South and Vale plan, as the server would send it, for tests that
 * need a device with a plan but no server. ownerId owns the demo officer's actions.
 */
export function southAndValePage(ownerId: string): PullResponse {
  const partnershipId = randomUUID();
  const { plan } = parsePlanCsv(fixture('south-and-vale-2018-19.csv'), fixture('south-and-vale-2018-19-indicators.csv'));
  const records = planRecordsFromDraft(
    plan,
    { id: randomUUID(), partnershipId, title: 'Rolling annual plan 2018-19', periodStart: '2018-04-01', periodEnd: '2019-03-31' },
    new Map(['3', '19', '22'].map((ref) => [ref, [ownerId]])),
  );
  const changes = emptyChanges();
  changes.partnerships.push({ id: partnershipId, name: 'South and Vale Community Safety Partnership' });
  changes.areas.push(...DEMO_TOWNS.map((name) => ({ id: randomUUID(), partnershipId, name, retired: false })));
  changes.plans.push(records.plan);
  changes.objectives.push(...records.objectives);
  changes.priorities.push(...records.priorities);
  changes.indicators.push(...records.indicators);
  changes.actions.push(...records.actions);
  changes.measures.push(...records.measures);
  return { reset: true, changes, cursor: 'fixture-cursor', more: false };
}
