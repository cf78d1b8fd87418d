import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningFieldbook {
  url: string;
  staticDir: string;
  /** Its SQLite file, for the command-line tools an operator runs beside it (runCli). */
  databasePath: string;
  stop(): Promise<void>;
}

export interface FieldbookOptions {
  /** false: an empty database, as a real partnership's first day starts (FIELDBOOK_DEMO=0). */
  demo?: boolean;
}

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Starts Fieldbook as `npm start` does (the built server run by node, its own SQLite file, demo
 * seed unless told otherwise), on a free port, serving a private copy of the built app so a test
 * may change it (a "deployment").
 */
export async function startFieldbook({ demo = true }: FieldbookOptions = {}): Promise<RunningFieldbook> {
  const built = join(ROOT, 'dist');
  const server = join(ROOT, 'dist-server/server/main.js');
  if (!existsSync(join(built, 'index.html')) || !existsSync(server))
    throw new Error('No build in dist/ and dist-server/: run `npm run build` first (npm run test:e2e does).');
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-'));
  const staticDir = join(dir, 'dist');
  const databasePath = join(dir, 'fieldbook.sqlite');
  cpSync(built, staticDir, { recursive: true });
  const child = spawn(process.execPath, ['--enable-source-maps', server], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATABASE_PATH: databasePath, FIELDBOOK_STATIC_DIR: staticDir, LOG_LEVEL: 'warn', FIELDBOOK_DEMO: demo ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await announcedUrl(child);
  return {
    url,
    staticDir,
    databasePath,
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

/**
 * Runs one of the operator's command-line tools against this Fieldbook's database, as
 * `npm run <tool> -- …` does (the built dist-server/server/cli/<tool>.js).
 */
export function runCli(fieldbook: RunningFieldbook, tool: 'users' | 'partnerships', args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, `dist-server/server/cli/${tool}.js`), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: fieldbook.databasePath, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
