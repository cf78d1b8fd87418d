import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { createApiClient } from '../../src/app/api/api-client';
import { pullAll } from '../../src/app/sync/pull-changes';
import { buildServer } from '../../src/server/build-server';
import { loadConfig } from '../../src/server/config';
import { DEMO_OFFICER_REFS, DEMO_TOWNS, DEMO_USERS } from '../../src/server/seed/demo-seed';
import { planRecordsFromDraft } from '../../src/server/seed/plan-records';
import { openSqliteStorage } from '../../src/server/storage/sqlite';
import { seedDemoIfEmpty } from '../../src/server/seed/demo-seed';
import { parsePlanCsv } from '../../src/domain/plan-import/plan-csv';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import { cookieFetch } from '../../test/support/cookie-fetch';
import { newTestDb } from '../../test/support/fake-db';
import { outcomeFor } from '../../test/support/outcomes';

export interface BenchServer {
  url: string;
  storage: KyselyStorage;
  /** Adds a plan of this many actions to the demo partnership (the action list "plan search" filters). */
  addActions(count: number): Promise<void>;
  /** Adds this many synced outcomes by the demo officer, spread over their actions, towns and the demo year. */
  addOutcomes(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the app as shipped (vite.config.ts: the PWA, its service worker) and the benchmark
 * harness page beside it (/bench-harness/), and serves both with the real server on a temporary
 * SQLite file seeded with the demo. Records are seeded straight through the server's storage:
 * what is measured is the device, not how the server came to hold them.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-web-'));
  const staticDir = join(dir, 'dist');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: staticDir, emptyOutDir: true } });
  await build({
    configFile: false,
    root: 'bench/browser/harness',
    base: '/bench-harness/',
    logLevel: 'warn',
    build: { outDir: join(staticDir, 'bench-harness'), emptyOutDir: true, target: 'es2022' },
  });

  const dbPath = join(dir, 'fieldbook.sqlite');
  const config = loadConfig({ DATABASE_PATH: dbPath, FIELDBOOK_STATIC_DIR: staticDir, LOG_LEVEL: 'silent', SCRYPT_LOG_N: '12' });
  const storage = await openSqliteStorage(dbPath);
  await seedDemoIfEmpty(storage, { logN: config.scryptLogN, r: 8, p: 1 });
  const app = await buildServer({ config, storage });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // The demo officer's view of the plan, pulled by the app's own sync code, to shape valid outcomes.
  const api = createApiClient({ baseUrl: url, fetch: cookieFetch() });
  const officer = await api.signIn({ email: DEMO_USERS.officer.email, password: DEMO_USERS.officer.password });
  const device = newTestDb();
  await pullAll(device, api, officer.id);
  const partnershipId = officer.memberships[0]!.partnershipId;
  const templates = await Promise.all(DEMO_OFFICER_REFS.map((ref) => outcomeFor(device, ref)));
  const deviceId = randomUUID();
  await storage.transaction((tx) =>
    tx.devices.insert({ id: deviceId, userId: officer.id, lastSeq: 0, createdAt: new Date().toISOString(), lastSeenAt: new Date().toISOString() }),
  );
  let seeded = 0;

  return {
    url,
    storage,
    async addActions(count) {
      const rows = Array.from({ length: count }, (_, i) => {
        const topic = TOPICS[i % TOPICS.length]!;
        return `${i + 1},Objective ${1 + (i % 4)},Priority ${1 + (i % 13)},"Deliver ${topic} work in ${DEMO_TOWNS[i % DEMO_TOWNS.length]} (${i + 1})",number of ${topic} sessions delivered`;
      });
      const parsed = parsePlanCsv(`ref,objective,priority,action,measures\n${rows.join('\n')}\n`);
      if (parsed.problems.length > 0) throw new Error(`bench plan: ${parsed.problems[0]!.message}`);
      const records = planRecordsFromDraft(parsed.plan, {
        id: randomUUID(),
        partnershipId,
        title: `Bench plan of ${count} actions`,
        periodStart: '2019-04-01',
        periodEnd: '2020-03-31',
      });
      await storage.transaction((tx) => tx.plans.insertWithRecords(partnershipId, records));
    },
    async addOutcomes(count) {
      const start = Date.parse('2018-04-01T09:00:00Z');
      for (let done = 0; done < count; done += 1000) {
        await storage.transaction(async (tx) => {
          const page = [];
          for (let i = done; i < Math.min(count, done + 1000); i++) {
            const n = seeded + i;
            const template = templates[n % templates.length]!;
            const at = new Date(start + (n % 360) * 86_400_000 + (n % 480) * 60_000);
            page.push({
              ...template,
              id: randomUUID(),
              occurredOn: at.toISOString().slice(0, 10),
              town: DEMO_TOWNS[n % DEMO_TOWNS.length]!,
              areaId: null,
              notes: n % 3 === 0 ? `Visit ${n}: spoke to the manager, leaflets left` : '',
              recordedAt: at.toISOString(),
              partnershipId,
              authorId: officer.id,
              deviceId,
              receivedAt: at.toISOString(),
              version: await tx.takeVersion(),
              deletedAt: null,
              fieldVersions: {},
            });
          }
          await tx.outcomes.insertMany(page);
        });
      }
      seeded += count;
    },
    async close() {
      await app.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TOPICS = [
  'safe places',
  'hate crime reporting',
  'hotel watch',
  'test purchase',
  'knife crime',
  'scam awareness',
  'anti-social behaviour',
  'domestic abuse',
  'county lines',
  'road safety',
];
