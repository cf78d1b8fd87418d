import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the server's command-line tools as `npm run <name>` does: a node process of its own
 * on the tool's entry (src/server/cli/<name>.ts, through tsx). How a tool is started is written
 * only here. The database comes from `env` alone, never from the environment the tests run in.
 * `input` is written to its standard input (a password typed at the prompt); without it the
 * tool's standard input is closed.
 */
export function runCli(name: 'users' | 'partnerships' | 'backup', args: string[], env: Record<string, string>, input?: string): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/server/cli/${name}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: undefined, DATABASE_PATH: undefined, FIELDBOOK_PASSWORD: undefined, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input ?? '');
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}
