import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/server/config';
import { openSqliteStorage } from '../../src/server/storage/sqlite';
import { seedDemoIfEmpty } from '../../src/server/seed/demo-seed';
import { buildServer } from '../../src/server/build-server';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import { TEST_SCRYPT } from './test-server';

/**
 * The real server on a temporary SQLite file that can be restarted, on the same port and the same
 * file, as a crashed and restarted process would be: everything it had committed is there,
 * nothing it had not.
 */
export class RestartableServer {
  private app!: FastifyInstance;
  storage!: KyselyStorage;
  url = '';
  restarts = 0;
  private port = 0;
  private readonly dir = mkdtempSync(join(tmpdir(), 'fieldbook-restartable-'));
  private readonly dbPath = join(this.dir, 'fieldbook.sqlite');
  private readonly config = loadConfig({
    DATABASE_PATH: this.dbPath,
    FIELDBOOK_STATIC_DIR: join(this.dir, 'none'),
    LOG_LEVEL: 'silent',
    SCRYPT_LOG_N: String(TEST_SCRYPT.logN),
  });

  async start(): Promise<void> {
    this.storage = await openSqliteStorage(this.dbPath);
    await seedDemoIfEmpty(this.storage, TEST_SCRYPT);
    this.app = await buildServer({ config: this.config, storage: this.storage });
    await this.app.listen({ port: this.port, host: '127.0.0.1' });
    const address = this.app.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.url = `http://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
    this.restarts++;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.storage.close();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
