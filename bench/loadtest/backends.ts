import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killHard, startServerProcess, type ServerProcess } from '../../test/support/server-process';

export type BackendName = 'sqlite' | 'postgres';

/** Server instances sharing one fresh database, and how to take it all down again. */
export interface Deployment {
  backend: BackendName;
  servers: ServerProcess[];
  stop(): Promise<void>;
}

/**
 * The server's own environment for a load test: JSON logs at `info` as in production (each
 * request logged; the load test reads push times from them), the demo partnership seeded (its
 * coordinator adds the officers), and test-strength scrypt so provisioning 200 officers does not
 * dominate the run (hashes record their cost; sign-in and push paths are otherwise unchanged).
 */
const serverEnv = (dir: string) => ({ PORT: '0', LOG_LEVEL: 'info', FIELDBOOK_STATIC_DIR: join(dir, 'no-build'), SCRYPT_LOG_N: '12', FIELDBOOK_DEMO: '1' });

/** One instance on a new SQLite file: how one district runs Fieldbook. */
export async function deploySqlite(): Promise<Deployment> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-loadtest-'));
  const server = await startServerProcess({ ...serverEnv(dir), DATABASE_PATH: join(dir, 'fieldbook.sqlite') });
  return {
    backend: 'sqlite',
    servers: [server],
    async stop() {
      await killHard(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `instances` stateless instances on one new PostgreSQL database (created here, dropped after).
 * The first starts alone, so that it alone migrates and seeds the empty database.
 */
export async function deployPostgres(baseUrl: string, instances: number): Promise<Deployment> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-loadtest-'));
  const url = new URL(baseUrl);
  const name = `fieldbook_loadtest_${process.pid}_${Date.now()}`;
  const pgArgs = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  execFileSync('createdb', [...pgArgs, name]);
  url.pathname = `/${name}`;
  const env = { ...serverEnv(dir), DATABASE_URL: url.toString() };
  const servers: ServerProcess[] = [];
  const stop = async () => {
    for (const s of servers) await killHard(s);
    execFileSync('dropdb', [...pgArgs, '--if-exists', name]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    servers.push(await startServerProcess(env));
    for (let i = 1; i < instances; i++) servers.push(await startServerProcess(env));
  } catch (e) {
    await stop();
    throw e;
  }
  return { backend: 'postgres', servers, stop };
}
