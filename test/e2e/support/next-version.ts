import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Builds the app again as a real next release: the same sources through the same Vite config,
 * but every hashed file under a new name, as when a release changes them. So a page still running
 * the first build finds its lazily loaded screens gone from the server once this is deployed.
 */
export async function buildNextVersion(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'fieldbook-next-'));
  const names = {
    entryFileNames: 'assets/[name]-next-[hash].js',
    chunkFileNames: 'assets/[name]-next-[hash].js',
    assetFileNames: 'assets/[name]-next-[hash][extname]',
  };
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, rolldownOptions: { output: names } },
  });
  return outDir;
}

/** Replaces what the server serves with another build, as a deployment does. */
export function deployBuild(builtDir: string, staticDir: string): void {
  for (const entry of readdirSync(staticDir)) rmSync(join(staticDir, entry), { recursive: true, force: true });
  cpSync(builtDir, staticDir, { recursive: true });
}
