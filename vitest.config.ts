import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Three kinds of vitest test, run together by `npm run test:unit` (and so by `npm test`):
 * - unit: pure logic, the server's parts, the app's data layer on fake-indexeddb;
 * - component: screens rendered in jsdom over a real FieldbookDb (fake-indexeddb);
 * - integration: the real server on a temporary SQLite file, driven over HTTP by the app's own
 *   sync code.
 * End-to-end tests in real Chromium are Playwright's (test/e2e, `npm run test:e2e`).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        plugins: [react()],
        define: { __APP_VERSION__: JSON.stringify('test'), __BUILD_TIME__: JSON.stringify('2026-01-01T00:00:00.000Z') },
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
          // Set, not vitest's default 5 s: on the shared 2-core machine under load, screen tests took
          // 0.4 to 7.7 s in one run (my-actions-screen the slowest), past the default. 30 s, as the
          // integration tests have, is about four times the slowest seen; a hung test still ends.
          // Testing Library's waits are set in test/component/setup.ts.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 } },
    ],
  },
});
