import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH, PHONE } from './chromium';
import { startFieldbook, type FieldbookOptions, type RunningFieldbook } from './fieldbook-server';

interface Fixtures {
  /** How this test's server starts: `test.use({ fieldbookOptions: { demo: false } })` for an empty database. */
  fieldbookOptions: FieldbookOptions;
  /** A Fieldbook server of this test's own: fresh database, private copy of the build. */
  fieldbook: RunningFieldbook;
  /** Opens the officer's phone: a browser profile that survives closing, like a real one. */
  openPhone: (options?: { offline?: boolean }) => Promise<BrowserContext>;
}

export const test = base.extend<Fixtures>({
  fieldbookOptions: [{}, { option: true }],
  fieldbook: async ({ fieldbookOptions }, use) => {
    const server = await startFieldbook(fieldbookOptions);
    await use(server);
    await server.stop();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern.
  openPhone: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'fieldbook-phone-'));
    const open: BrowserContext[] = [];
    await use(async ({ offline = false } = {}) => {
      const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM_LAUNCH, ...PHONE, offline });
      open.push(context);
      return context;
    });
    for (const c of open) await c.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  },
});

export { expect };

export const firstPage = async (context: BrowserContext): Promise<Page> => context.pages()[0] ?? (await context.newPage());

export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Opens Fieldbook at `url` and signs in; returns once My actions shows and the service worker
 * controls the page (from then on the app opens without signal, and a new sw.js is an update).
 */
export async function signInWithServiceWorker(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(url);
  await signIn(page, who);
  await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
