/**
 * Renders Fieldbook's icons from SVG to PNG with the system Chromium, into public/icons.
 * Run after changing the artwork: `npx tsx scripts/render-icons.ts`. The PNGs are committed,
 * so building the app never needs a browser.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { iconSvg as svg, list, notebook, plus } from './icon-artwork';

const icons: { file: string; size: number; svg: string }[] = [
  { file: 'icon-192.png', size: 192, svg: svg(notebook(1), true) },
  { file: 'icon-512.png', size: 512, svg: svg(notebook(1), true) },
  // Maskable: full-bleed background, artwork inside the central safe zone (80% circle).
  { file: 'icon-maskable-512.png', size: 512, svg: svg(notebook(0.72), false) },
  { file: 'apple-touch-icon-180.png', size: 180, svg: svg(notebook(0.85), false) },
  { file: 'favicon-32.png', size: 32, svg: svg(notebook(1.1), true) },
  { file: 'shortcut-log-96.png', size: 96, svg: svg(plus, true) },
  { file: 'shortcut-actions-96.png', size: 96, svg: svg(list, true) },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const icon of icons) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</body></html>`,
  );
  writeFileSync(`public/icons/${icon.file}`, await page.screenshot({ omitBackground: true }));
}
writeFileSync('public/icons/icon.svg', svg(notebook(1), true));
await browser.close();
console.log(`rendered ${icons.length} icons into public/icons`);
