/**
 * `npm run backup -- [destination]`: a consistent copy of the live database while the server
 * keeps running (docs/deploy.md, Backups). Uses the same DATABASE_PATH or DATABASE_URL as the
 * server.
 *
 * - SQLite: SQLite's online backup API (better-sqlite3's `backup()`), which copies a consistent
 *   snapshot, WAL included, page by page without stopping writers. Copying the file with `cp`
 *   instead can capture a half-written state, or miss what is still only in the -wal file.
 *   The copy is then opened and checked (`integrity_check`) before it is reported good.
 * - PostgreSQL: `pg_dump --format=custom` (one consistent snapshot; restore with pg_restore).
 *   A password in the URL is handed over in PGPASSWORD, never on pg_dump's command line, where
 *   any user could read it in the process list.
 *
 * Default destination: backups/fieldbook-<UTC time>.sqlite (or .dump).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig, ConfigError } from '../config';

class BackupError extends Error {
  override name = 'BackupError';
}

const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

async function backupSqlite(source: string, destination: string): Promise<string> {
  if (!existsSync(source)) throw new BackupError(`No database at ${source} (DATABASE_PATH): nothing to back up.`);
  if (existsSync(destination)) throw new BackupError(`${destination} already exists: choose another name, a backup never overwrites.`);
  const live = new SQLite(source, { fileMustExist: true });
  try {
    await live.backup(destination);
  } finally {
    live.close();
  }
  const copy = new SQLite(destination, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The copy at ${destination} failed SQLite's integrity check: ${String(check)}`);
    const count = (table: string) => (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return `${count('users')} users, ${count('outcomes')} outcomes, integrity ok`;
  } finally {
    copy.close();
  }
}

function backupPostgres(databaseUrl: string, destination: string): string {
  if (existsSync(destination)) throw new BackupError(`${destination} already exists: choose another name, a backup never overwrites.`);
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const dump = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${destination}`, `--dbname=${url.toString()}`], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (dump.error)
    throw new BackupError(`Could not run pg_dump (${dump.error.message}). Install PostgreSQL's client tools, the same major version as the server.`);
  if (dump.status !== 0) throw new BackupError(`pg_dump failed (exit ${dump.status}); see its message above.`);
  const list = spawnSync('pg_restore', ['--list', destination], { encoding: 'utf8' });
  if (list.status !== 0) throw new BackupError(`pg_restore cannot read the dump at ${destination}: ${list.stderr}`);
  const tables = list.stdout.split('\n').filter((l) => / TABLE DATA /.test(l)).length;
  return `${tables} tables of data, readable by pg_restore`;
}

async function main() {
  const config = loadConfig(process.env);
  const destination = process.argv[2] ?? `backups/fieldbook-${stamp()}.${config.databaseUrl ? 'dump' : 'sqlite'}`;
  mkdirSync(dirname(destination), { recursive: true });
  const summary = config.databaseUrl ? backupPostgres(config.databaseUrl, destination) : await backupSqlite(config.databasePath, destination);
  process.stdout.write(`Backed up to ${destination} (${(statSync(destination).size / 1024).toFixed(0)} KB): ${summary}\n`);
}

main().catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof ConfigError;
  process.stderr.write(`${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
