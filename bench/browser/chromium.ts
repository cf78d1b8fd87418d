import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_LAUNCH, PHONE } from '../../test/e2e/support/chromium';

/**
 * A browser profile on disk, as a phone's is: IndexedDB in an incognito context lives in memory
 * and would flatter every figure. Opened and closed as often as a benchmark needs (a cold start
 * is a new browser process on the same profile).
 */
export class Phone {
  readonly dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-phone-'));

  async open(options: { offline?: boolean } = {}): Promise<BrowserContext> {
    const context = await chromium.launchPersistentContext(this.dir, {
      ...CHROMIUM_LAUNCH,
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
