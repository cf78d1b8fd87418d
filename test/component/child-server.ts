import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../../src/server/storage/sqlite';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import { demoPartnershipId } from '../support/demo-partnership';

export interface ChildServer {
  url: string;
  /** The same database file, for setting up and checking what a screen cannot show. */
  storage: KyselyStorage;
  /** The demo partnership's id. */
  partnershipId: string;
  close(): Promise<void>;
}

/**
 * The real server, seeded with the demo, as its own process on a temporary database, for screens
 * that talk to the server directly. Its own process because under jsdom, server code that finds
 * its files through import.meta.url (the demo seed) cannot run in the test's process.
 */
export async function startChildServer(): Promise<ChildServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-component-'));
  const dbPath = join(dir, 'fieldbook.sqlite');
  // vitest runs from the project root.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_PATH: dbPath,
      FIELDBOOK_STATIC_DIR: join(dir, 'none'),
      SCRYPT_LOG_N: '12',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const storage = await openSqliteStorage(dbPath);
  return {
    url,
    storage,
    partnershipId: await demoPartnershipId(storage),
    async close() {
      await storage.close();
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill();
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
