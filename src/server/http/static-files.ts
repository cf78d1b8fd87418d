import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built PWA. Hashed files under /assets never change, so they are cached for a year;
 * everything else (index.html, sw.js, the manifest, icons) is revalidated on each load so that a
 * new deployment is seen: the browser checks sw.js byte-for-byte to find an update.
 * Returns false when there is no build to serve (API-only tests); the not-found handler in
 * error-handler.ts then does not fall back to index.html.
 */
export async function installStaticFiles(app: FastifyInstance, staticDir: string): Promise<boolean> {
  const root = resolve(staticDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
