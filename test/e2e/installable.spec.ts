import { expect, firstPage, test } from './support/fixtures';

test('Chromium reports no installability errors', async ({ fieldbook: server, openPhone }) => {
  // A persistent profile: Chromium never offers installation in incognito-like contexts.
  const context = await openPhone();
  const page = await firstPage(context);
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
});

test('the manifest has what home-screen installation needs', async ({ fieldbook: server }) => {
  const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
  expect(manifest).toMatchObject({ name: 'Fieldbook', short_name: 'Fieldbook', id: '/', start_url: '/', scope: '/', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const icons = manifest.icons as { src: string; sizes: string; purpose?: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of icons) expect((await fetch(new URL(icon.src, server.url))).headers.get('content-type')).toBe('image/png');
  expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toContainEqual(['Log outcome', '/log']);
});

test('the app shell carries the security headers, and sw.js is revalidated so updates are seen', async ({ fieldbook }) => {
  const page = await fetch(fieldbook.url, { headers: { accept: 'text/html' } });
  expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
  expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  const sw = await fetch(`${fieldbook.url}/sw.js`);
  expect(sw.headers.get('cache-control')).toBe('no-cache');
  expect(sw.headers.get('content-type')).toMatch(/javascript/);
  // Read to the end, so no connection is left half-read to hold up the server's shutdown.
  await Promise.all([page.arrayBuffer(), sw.arrayBuffer()]);
});
