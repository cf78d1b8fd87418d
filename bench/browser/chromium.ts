import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

/** Debian's Chromium, headless, with the flags that let it run as root on a closed network. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone-sized window, as an officer holds it. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/**
 * A browser profile on disk, as a phone's is: IndexedDB in an incognito context lives in memory
 * and would flatter every figure. Opened and closed as often as a benchmark needs (a cold start
 * is a new browser process on the same profile).
 */
export class Phone {
  readonly dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-phone-'));

  async open(options: { offline?: boolean } = {}): Promise<BrowserContext> {
    const context = await chromium.launchPersistentContext(this.dir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      ...PHONE,
      offline: options.offline ?? false,
    });
    // tsx compiles the functions these benchmarks send into the page with esbuild's keepNames,
    // which calls a __name helper that exists only in Node.
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    return context;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
