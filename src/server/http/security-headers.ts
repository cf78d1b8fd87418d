import type { FastifyInstance } from 'fastify';

/**
 * Headers on every response. The CSP allows scripts only from this origin (the service worker
 * is registered from a bundled file, never an inline script) and forbids framing, plugins and
 * <base> rewriting. API responses are never stored by any cache: they hold sensitive records,
 * and the device keeps its own copy in IndexedDB.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export function installSecurityHeaders(app: FastifyInstance, https: boolean): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    if (https) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // A route may say more (a photo is `private, no-store`), never less.
    if (request.url.startsWith('/api/') && !/\bno-store\b/i.test(String(reply.getHeader('Cache-Control') ?? ''))) reply.header('Cache-Control', 'no-store');
  });
}
