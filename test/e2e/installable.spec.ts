import { expect, firstPage, test } from './support/fixtures';

/** A PNG's pixel size, from its IHDR chunk (bytes 16–23), checked to really be a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchPng(url: URL): Promise<{ width: number; height: number }> {
  const response = await fetch(url);
  expect(response.status, `${url.pathname}`).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  return pngSize(Buffer.from(await response.arrayBuffer()));
}

test('Chromium reports no installability errors', async ({ fieldbook: server, openPhone }) => {
  // A persistent profile: Chromium never offers installation in incognito-like contexts.
  const context = await openPhone();
  const page = await firstPage(context);
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const { errors, data } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  // Installable with the richer install sheet's screenshots present (checked file by file below).
  const screenshots = (JSON.parse(data!) as { screenshots?: { form_factor?: string }[] }).screenshots ?? [];
  expect(screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'narrow', 'wide']);
});

test("the manifest's screenshots are served at the sizes it gives, narrow for phones and wide for desks", async ({ fieldbook: server }) => {
  const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`)).json()) as {
    screenshots: { src: string; sizes: string; type: string; form_factor: string; label: string }[];
    description: string;
    categories: string[];
  };
  expect(manifest.description).toMatch(/\w{10,}/);
  expect(manifest.categories.length).toBeGreaterThan(0);
  expect(manifest.screenshots.length).toBeGreaterThanOrEqual(2);
  for (const shot of manifest.screenshots) {
    expect(shot.type).toBe('image/png');
    expect(shot.label.length).toBeGreaterThan(10);
    const { width, height } = await fetchPng(new URL(shot.src, server.url));
    expect(`${width}x${height}`, shot.src).toBe(shot.sizes);
    // Chromium's rules for the install sheet: 320–3840 px a side, the long side at most 2.3× the short.
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(320);
    expect(Math.max(width, height)).toBeLessThanOrEqual(3840);
    expect(Math.max(width, height) / Math.min(width, height)).toBeLessThanOrEqual(2.3);
    expect(shot.form_factor).toBe(width > height ? 'wide' : 'narrow');
  }
  expect(new Set(manifest.screenshots.map((s) => s.form_factor))).toEqual(new Set(['narrow', 'wide']));
});

test('iOS gets a home-screen icon, a status-bar style and a launch screen for each common iPhone size', async ({ fieldbook: server }) => {
  const html = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
  expect(html).toMatch(/<meta name="apple-mobile-web-app-status-bar-style" content="black-translucent"/);
  const touchIcon = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)![1]!;
  expect(await fetchPng(new URL(touchIcon, server.url))).toEqual({ width: 180, height: 180 });
  const launch = [...html.matchAll(/<link rel="apple-touch-startup-image" media="([^"]+)" href="([^"]+)"/g)].map((m) => ({ media: m[1]!, href: m[2]! }));
  expect(launch.length).toBeGreaterThanOrEqual(8);
  // The iPhone 12–14's screen (390×844 at 3×) is among them.
  expect(launch.map((l) => l.media)).toContainEqual(
    expect.stringContaining('(device-width: 390px) and (device-height: 844px) and (-webkit-device-pixel-ratio: 3)'),
  );
  for (const { media, href } of launch) {
    const [, w, h, ratio] = /device-width: (\d+)px\) and \(device-height: (\d+)px\) and \(-webkit-device-pixel-ratio: (\d)\)/.exec(media)!;
    expect(await fetchPng(new URL(href, server.url)), href).toEqual({ width: Number(w) * Number(ratio), height: Number(h) * Number(ratio) });
  }
});

test('install-time images are not precached: phones download them only when installing', async ({ fieldbook: server }) => {
  const sw = await (await fetch(`${server.url}/sw.js`)).text();
  expect(sw).toMatch(/"url":"index\.html"/);
  expect(sw).not.toMatch(/screenshots\//);
  expect(sw).not.toMatch(/launch\//);
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
