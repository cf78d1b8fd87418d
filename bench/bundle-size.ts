import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

export interface BundleFigures {
  /** JS + CSS the officer's first screen loads: the entry, its modulepreloads and stylesheets. */
  firstLoadGzip: number;
  /** The bare framework (react, react-dom, react-router, dexie, workbox-window) built alone. */
  baselineGzip: number;
  ratio: number;
  /** Everything the service worker precaches. */
  precacheGzip: number;
  precacheFiles: number;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Files index.html makes the browser fetch before the first screen can render. */
function firstLoadFiles(outDir: string): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [...new Set(refs)].map((r) => join(outDir, r));
}

/** Builds the app and the framework baseline in the same run, with the same Vite, and compares them. */
export async function measureBundles(): Promise<BundleFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
  try {
    const appOut = join(dir, 'app');
    const baseOut = join(dir, 'baseline');
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: appOut, emptyOutDir: true } });
    await build({
      configFile: false,
      root: 'bench/baseline',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir: baseOut, emptyOutDir: true, target: 'es2022' },
    });

    const firstLoadGzip = firstLoadFiles(appOut).reduce((n, f) => n + gz(f), 0);
    const baselineGzip = firstLoadFiles(baseOut).reduce((n, f) => n + gz(f), 0);
    const sw = readFileSync(join(appOut, 'sw.js'), 'utf8');
    const precached = [...new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!))];
    const precacheGzip = precached.reduce((n, url) => n + gz(join(appOut, url)), gz(join(appOut, 'sw.js')));
    return { firstLoadGzip, baselineGzip, ratio: firstLoadGzip / baselineGzip, precacheGzip, precacheFiles: precached.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
