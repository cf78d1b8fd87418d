import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningFieldbook {
  url: string;
  staticDir: string;
  /** Its SQLite file, for the operator's command-line tools (npm run users). */
  dbPath: string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Starts Fieldbook as `npm start` does (the built server run by node, its own SQLite file, demo
 * seed), on a free port, serving a private copy of the built app so a test may change it (a
 * "deployment").
 */
export async function startFieldbook(): Promise<RunningFieldbook> {
  const built = join(ROOT, 'dist');
  const server = join(ROOT, 'dist-server/server/main.js');
  if (!existsSync(join(built, 'index.html')) || !existsSync(server))
    throw new Error('No build in dist/ and dist-server/: run `npm run build` first (npm run test:e2e does).');
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-'));
  const staticDir = join(dir, 'dist');
  cpSync(built, staticDir, { recursive: true });
  const child = spawn(process.execPath, ['--enable-source-maps', server], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'fieldbook.sqlite'), FIELDBOOK_STATIC_DIR: staticDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await announcedUrl(child);
  return {
    url,
    staticDir,
    dbPath: join(dir, 'fieldbook.sqlite'),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function announcedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Fieldbook did not start in 60 s.\n${out}\n${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Fieldbook exited with ${code} before starting.\n${out}\n${err}`));
    });
  });
}
