import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/server/config';
import { openStorage } from '../../src/server/storage/open-storage';
import { seedDemoIfEmpty } from '../../src/server/seed/demo-seed';
import { buildServer } from '../../src/server/build-server';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import { createPgDatabase, defaultTestBackend, type TestBackend } from './test-database';

/** scrypt at 2^12 in tests: the hash format records its cost, and production verifies at 2^17. */
export const TEST_SCRYPT = { logN: 12, r: 8, p: 1 };

export interface TestServer {
  url: string;
  app: FastifyInstance;
  storage: KyselyStorage;
  config: Config;
  /** The SQLite file ('' on PostgreSQL). */
  dbPath: string;
  /** The PostgreSQL database (undefined on SQLite). */
  databaseUrl: string | undefined;
  /** Moves the server's clock (sessions expire by it). */
  clock: { now: Date };
  /**
   * Stops the server and closes its storage, then opens the same database again and serves it,
   * as a restarted process would: only what was committed is still there. Afterwards `app`,
   * `storage` and `url` are the new ones: a new port, so no request can go out on a kept-alive
   * connection to the old server (fetch would fail with "other side closed").
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Default: FIELDBOOK_TEST_BACKEND, else SQLite. */
  backend?: TestBackend;
  /**
   * Another instance's PostgreSQL database, to run a second stateless instance beside it. The
   * database stays when this instance closes: its owner drops it.
   */
  sharedDatabaseUrl?: string;
}

/**
 * The real server on a fresh database (a temporary SQLite file, or a new PostgreSQL database),
 * seeded with the demo, listening on a free port.
 */
export async function startTestServer(env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const backend = options.sharedDatabaseUrl ? 'postgres' : (options.backend ?? defaultTestBackend());
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-test-'));
  const ownDatabase = backend === 'postgres' && !options.sharedDatabaseUrl ? await createPgDatabase() : undefined;
  const databaseUrl = options.sharedDatabaseUrl ?? ownDatabase?.url;
  const dbPath = databaseUrl ? '' : join(dir, 'fieldbook.sqlite');
  const config = loadConfig({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: dbPath }),
    FIELDBOOK_STATIC_DIR: join(dir, 'no-build'),
    LOG_LEVEL: 'silent',
    SCRYPT_LOG_N: String(TEST_SCRYPT.logN),
    ...env,
  });
  const storage = await openStorage(config);
  // Seeded at the configured cost: the decoy hash for unknown emails uses it too.
  await seedDemoIfEmpty(storage, { logN: config.scryptLogN, r: 8, p: 1 });
  const clock = { now: new Date() };
  const app = await buildServer({ config, storage, now: () => clock.now });
  const server: TestServer = {
    url: await listen(app),
    app,
    storage,
    config,
    dbPath,
    databaseUrl,
    clock,
    async restart() {
      await server.app.close();
      await server.storage.close();
      server.storage = await openStorage(config);
      server.app = await buildServer({ config, storage: server.storage, now: () => clock.now });
      server.url = await listen(server.app);
    },
    async close() {
      await server.app.close();
      await server.storage.close();
      await ownDatabase?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Listens on a free port on the loopback address; the server's URL. */
async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return `http://127.0.0.1:${port}`;
}
