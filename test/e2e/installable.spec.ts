import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_LAUNCH, PHONE } from './support/chromium';
import { startFieldbook, type RunningFieldbook } from './support/fieldbook-server';

let server: RunningFieldbook;
let profile: string;
test.beforeAll(async () => {
  server = await startFieldbook();
  profile = mkdtempSync(join(tmpdir(), 'fieldbook-install-'));
});
test.afterAll(async () => {
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
});

test('Chromium reports no installability errors', async () => {
  // A persistent profile: Chromium never offers installation in incognito-like contexts.
  const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM_LAUNCH, ...PHONE });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  await context.close();
});

test('the manifest has what home-screen installation needs', async () => {
  const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
  expect(manifest).toMatchObject({ name: 'Fieldbook', short_name: 'Fieldbook', id: '/', start_url: '/', scope: '/', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const icons = manifest.icons as { src: string; sizes: string; purpose?: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of icons) expect((await fetch(new URL(icon.src, server.url))).headers.get('content-type')).toBe('image/png');
  expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toContainEqual(['Log outcome', '/log']);
});
