import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killHard, startServerProcess, type ServerProcess } from '../support/server-process';
import { signedInDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { cookieFetch } from '../support/cookie-fetch';
import { createPgDatabase, postgresForTests, type TestPgDatabase } from '../support/test-database';
import { logOutcome } from '../../src/app/data/log-outcome';
import { createApiClient } from '../../src/app/api/api-client';

/**
 * The restore in docs/deploy.md, as a test: a phone pushes outcomes to the real server process,
 * `npm run backup` copies the database while the server keeps running, more outcomes arrive, the
 * server goes and its database with it; a server started on the restored copy serves exactly
 * what was there at the backup.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const postgresReady = await postgresForTests();
const dir = mkdtempSync(join(tmpdir(), 'fieldbook-restore-'));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baseEnv = { PORT: '0', FIELDBOOK_STATIC_DIR: join(dir, 'none'), SCRYPT_LOG_N: '12' };

async function started(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({ ...baseEnv, ...env });
  cleanups.push(() => killHard(server));
  return server;
}

async function pushOutcomes(url: string, notes: string[]): Promise<void> {
  const device = await signedInDevice(url, OFFICER.email, OFFICER.password);
  await device.sync.syncNow();
  const base = await outcomeFor(device.db, '22');
  for (const n of notes) await logOutcome(device.db, device.user, { ...base, notes: n }, undefined, { confirmDuplicate: true });
  await device.sync.syncNow();
  expect(await device.db.outbox.count()).toBe(0);
}

async function notesOnServer(url: string): Promise<string[]> {
  const api = createApiClient({ baseUrl: url, fetch: cookieFetch() });
  await api.signIn({ email: COORDINATOR.email, password: COORDINATOR.password });
  const page = await api.pull(undefined, 5000);
  return page.changes.outcomes.map((o) => o.notes ?? '').sort();
}

function backup(env: Record<string, string>, destination: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli/backup.ts', destination], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

const before = Array.from({ length: 10 }, (_, i) => `before the backup ${String(i).padStart(2, '0')}`);
const after = ['after the backup 1', 'after the backup 2', 'after the backup 3'];

describe('backup and restore', () => {
  it('on SQLite: the online backup, taken while serving, restores what was there at the time', async () => {
    const live = join(dir, 'live', 'fieldbook.sqlite');
    const server = await started({ DATABASE_PATH: live });
    await pushOutcomes(server.url, before);
    const copy = join(dir, 'backups', 'fieldbook.sqlite');
    expect(backup({ DATABASE_PATH: live }, copy)).toMatch(/10 outcomes, integrity ok/);
    await pushOutcomes(server.url, after);
    await killHard(server);

    const restored = join(dir, 'restored', 'fieldbook.sqlite');
    mkdirSync(join(dir, 'restored'));
    copyFileSync(copy, restored);
    const again = await started({ DATABASE_PATH: restored, FIELDBOOK_DEMO: '0' });
    expect(await notesOnServer(again.url)).toEqual(before);
  }, 120_000);

  it('refuses to overwrite an existing file', () => {
    const live = join(dir, 'live', 'fieldbook.sqlite');
    const copy = join(dir, 'backups', 'fieldbook.sqlite');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/backup.ts', copy], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: live },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/already exists/);
  }, 60_000);

  it.skipIf(!postgresReady)(
    'on PostgreSQL: pg_dump taken while serving, pg_restore into a new database',
    async () => {
      const source: TestPgDatabase = await createPgDatabase();
      cleanups.push(() => source.drop());
      const server = await started({ DATABASE_URL: source.url });
      await pushOutcomes(server.url, before);
      const dump = join(dir, 'backups', 'fieldbook.dump');
      expect(backup({ DATABASE_URL: source.url }, dump)).toMatch(/tables of data, readable by pg_restore/);
      await pushOutcomes(server.url, after);
      await killHard(server);

      const target = await createPgDatabase();
      cleanups.push(() => target.drop());
      execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, dump]);
      const again = await started({ DATABASE_URL: target.url, FIELDBOOK_DEMO: '0' });
      expect(await notesOnServer(again.url)).toEqual(before);
    },
    120_000,
  );
});
