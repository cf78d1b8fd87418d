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
const serverEnv = (dir: string) => ({
  PORT: '0',
  LOG_LEVEL: 'info',
  FIELDBOOK_STATIC_DIR: join(dir, 'no-build'),
  SCRYPT_LOG_N: '12',
  FIELDBOOK_DEMO: '1',
});

/** --profile: each server writes a V8 CPU profile (open it in Chrome DevTools) when it exits. */
const nodeArgs = (profileDir: string | undefined) => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);

/** SIGTERM, as a process manager stops a server (and the only way its CPU profile is written); SIGKILL if it hangs. */
async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => void killHard(server), 15_000);
  await gone;
  clearTimeout(timer);
}

/** One instance on a new SQLite file: how one district runs Fieldbook. */
export async function deploySqlite(profileDir?: string): Promise<Deployment> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-loadtest-'));
  const server = await startServerProcess({ ...serverEnv(dir), DATABASE_PATH: join(dir, 'fieldbook.sqlite') }, nodeArgs(profileDir));
  return {
    backend: 'sqlite',
    servers: [server],
    async stop() {
      await stopServer(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `instances` stateless instances on one new PostgreSQL database (created here, dropped after).
 * The first starts alone, so that it alone migrates and seeds the empty database.
 */
export async function deployPostgres(baseUrl: string, instances: number, profileDir?: string): Promise<Deployment> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-loadtest-'));
  const url = new URL(baseUrl);
  const name = `fieldbook_loadtest_${process.pid}_${Date.now()}`;
  const pgArgs = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  execFileSync('createdb', [...pgArgs, name]);
  url.pathname = `/${name}`;
  const env = { ...serverEnv(dir), DATABASE_URL: url.toString() };
  const servers: ServerProcess[] = [];
  const stop = async () => {
    await Promise.all(servers.map(stopServer));
    execFileSync('dropdb', [...pgArgs, '--if-exists', name]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    servers.push(await startServerProcess(env, nodeArgs(profileDir)));
    for (let i = 1; i < instances; i++) servers.push(await startServerProcess(env, nodeArgs(profileDir)));
  } catch (e) {
    await stop();
    throw e;
  }
  return { backend: 'postgres', servers, stop };
}
