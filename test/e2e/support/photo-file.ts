import type { Page } from '@playwright/test';

/** A PNG photo drawn in the page, as a phone camera or gallery would hand one over. */
export async function photoFile(page: Page, width = 1200, height = 900): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w, h);
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#0b3d5c';
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#ffdd00';
      g.fillRect(w / 4, h / 4, w / 2, h / 2);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    [width, height] as const,
  );
  return { name: 'sticker.png', mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}
