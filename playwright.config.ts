import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/e2e/support/chromium';

/**
 * End-to-end tests in real Chromium (Debian's, at /usr/bin/chromium: Playwright's own browser
 * download cannot work here). Each spec starts its own Fieldbook server from the built app
 * (`npm run test:e2e` builds first), so specs never share a database.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // A test.only left in a commit would silently skip every other test: refused everywhere, not only on CI.
  forbidOnly: true,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    launchOptions: CHROMIUM_LAUNCH,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  },
});
