/**
 * Renders Fieldbook's icons from SVG to PNG with the system Chromium, into public/icons.
 * Run after changing the artwork: `npx tsx scripts/render-icons.ts`. The PNGs are committed,
 * so building the app never needs a browser.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BRAND = '#0b3d5c';
const notebook = (scale: number) => `
  <g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <rect x="146" y="104" width="228" height="304" rx="22" fill="#fff"/>
    <rect x="146" y="104" width="40" height="304" rx="18" fill="#d2e2f1"/>
    <path d="M222 262 l46 46 l86 -100" fill="none" stroke="${BRAND}" stroke-width="34" stroke-linecap="round" stroke-linejoin="round"/>
  </g>`;
const plus = `<path d="M256 150 V362 M150 256 H362" stroke="#fff" stroke-width="56" stroke-linecap="round"/>`;
const list = `<g stroke="#fff" stroke-width="40" stroke-linecap="round"><path d="M200 170 H370"/><path d="M200 256 H370"/><path d="M200 342 H370"/></g>
  <g fill="#fff"><circle cx="140" cy="170" r="24"/><circle cx="140" cy="256" r="24"/><circle cx="140" cy="342" r="24"/></g>`;

const svg = (body: string, rounded: boolean) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" ${rounded ? 'rx="104"' : ''} fill="${BRAND}"/>${body}</svg>`;

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
  await page.setContent(`<html><body style="margin:0;background:transparent">${icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</body></html>`);
  writeFileSync(`public/icons/${icon.file}`, await page.screenshot({ omitBackground: true }));
}
writeFileSync('public/icons/icon.svg', svg(notebook(1), true));
await browser.close();
console.log(`rendered ${icons.length} icons into public/icons`);
