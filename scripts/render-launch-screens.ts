/**
 * Draws the iOS launch screens into public/launch with the system Chromium: the app icon and
 * name on the manifest's background colour, as Android draws its own splash screen. Run after
 * changing the artwork or the list: `npx tsx scripts/render-launch-screens.ts`. The PNGs are
 * committed; they are not precached (vite.config.ts), since iOS fetches them once, at install.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { iconSvg, notebook, SPLASH_BACKGROUND } from './icon-artwork';
import { LAUNCH_SCREENS, launchScreenFile } from './launch-screens';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
mkdirSync('public/launch', { recursive: true });
const rendered = new Set<string>();
for (const screen of LAUNCH_SCREENS) {
  const file = launchScreenFile(screen);
  if (rendered.has(file)) continue;
  rendered.add(file);
  const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.pixelRatio });
  await page.setContent(`<html><body style="margin:0;height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:20px;background:${SPLASH_BACKGROUND};font-family:system-ui,-apple-system,sans-serif">
    ${iconSvg(notebook(1), true).replace('<svg ', '<svg width="120" height="120" ')}
    <div style="font-size:28px;font-weight:700;color:#0b0c0c">Fieldbook</div></body></html>`);
  writeFileSync(`public${file}`, await page.screenshot());
  await page.close();
}
await browser.close();
console.log(`rendered ${rendered.size} launch screens into public/launch`);
