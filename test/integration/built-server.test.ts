import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';
import { killHard, startServerProcess, type ServerProcess } from '../support/server-process';
import { createPgDatabase, postgresForTests, type TestPgDatabase } from '../support/test-database';

/**
 * Production runs the server as built JavaScript with node, not its TypeScript (decision 40).
 * This builds it afresh with the project's own build configuration and lays it out as a deployment
 * has it, beside node_modules and the demo fixtures but without src/: then starts it, and its
 * command-line tools, with node alone. (The other server tests run the source through tsx.)
 */
const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const postgresReady = await postgresForTests();

let dir: string;
let built: string;
let server: ServerProcess | undefined;
let database: TestPgDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldbook-built-'));
  built = join(dir, 'dist-server');
  await run(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.server.config.ts', '--outDir', built, '--logLevel', 'warn'],
    {
      cwd: ROOT,
    },
  );
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), 'dir');
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static/index.html'), '<!doctype html><title>Fieldbook</title><p>the built app</p>');
}, 180_000);

afterEach(async () => {
  if (server) await killHard(server);
  server = undefined;
  await database?.drop();
  database = undefined;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (database: Record<string, string>) => ({ ...database, PORT: '0', FIELDBOOK_STATIC_DIR: join(dir, 'static'), SCRYPT_LOG_N: '12' });

function startBuilt(databaseEnv: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess(env(databaseEnv), ['--enable-source-maps'], join(built, 'server/main.js'));
}

async function expectServing(url: string) {
  for (const path of ['/healthz', '/readyz']) {
    const res = await fetch(`${url}${path}`);
    expect(res.status, path).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  }
  const page = await fetch(`${url}/plans`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('the built app');
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS.officer.email, password: DEMO_USERS.officer.password }),
  });
  expect(signIn.status).toBe(200);
}

describe('the built server', () => {
  it('imports only src/ compiled and the packages package.json lists as dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const files = readdirSync(built, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toContain(join('server', 'main.js'));
    const imported = new Set<string>();
    for (const file of files) {
      const code = readFileSync(join(built, file), 'utf8');
      const specifiers = [...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"|^import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm)];
      for (const m of specifiers) {
        const name = (m[1] ?? m[2] ?? m[3])!;
        if (name.startsWith('.') || name.startsWith('node:')) continue;
        imported.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!);
      }
    }
    expect([...imported].filter((name) => !(name in pkg.dependencies))).toEqual([]);
    expect(imported).toContain('better-sqlite3');
  });

  it('runs with node on a new SQLite file: seeds the demo, serves the app, healthy and ready', async () => {
    server = await startBuilt({ DATABASE_PATH: join(dir, 'fieldbook.sqlite') });
    await expectServing(server.url);
  });

  it('runs its command-line tools with node: a backup, then a new password', async () => {
    const database = { DATABASE_PATH: join(dir, 'tools.sqlite') };
    server = await startBuilt(database);
    const backup = await run(process.execPath, ['--enable-source-maps', join(built, 'server/cli/backup.js'), join(dir, 'backups/copy.sqlite')], {
      cwd: dir,
      env: { ...process.env, ...database },
    });
    expect(backup.stdout).toMatch(/^Backed up to .*copy\.sqlite/);
    const users = await run(process.execPath, [join(built, 'server/cli/users.js'), 'set-password', '--email', DEMO_USERS.officer.email], {
      cwd: dir,
      env: { ...process.env, ...database, SCRYPT_LOG_N: '12', FIELDBOOK_PASSWORD: 'a brand new passphrase' },
    });
    expect(users.stdout).toContain('Password set');
  });

  it.skipIf(!postgresReady)('runs with node on a new PostgreSQL database', async () => {
    database = await createPgDatabase();
    server = await startBuilt({ DATABASE_URL: database.url });
    await expectServing(server.url);
  });

  it('names the TypeScript file and line in a stack trace', async () => {
    const config = pathToFileURL(join(built, 'server/config.js')).href;
    const script = `import { loadConfig } from '${config}'; try { loadConfig({ PORT: 'not a port' }); } catch (e) { console.log(e.stack); }`;
    const { stdout } = await run(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { cwd: dir });
    expect(stdout).toContain('PORT');
    expect(stdout).toMatch(/src\/server\/config\.ts:\d+:\d+/);
  });
});
