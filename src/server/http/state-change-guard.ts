import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards everything that changes state against cross-site request forgery: it must come from
 * this origin and be JSON. The session cookie is already SameSite=Strict; this is the second lock.
 * - Browsers send Sec-Fetch-Site and Origin with every POST and DELETE; when present they must
 *   say this origin. Requests with neither come from non-browser clients, which cannot carry a
 *   victim's cookies anyway.
 * - The request must declare a JSON body (the only parser, json-body.ts): a plain HTML form on
 *   another site can only send urlencoded, multipart or text/plain.
 */
export function installStateChangeGuard(app: FastifyInstance, publicOrigin: string | undefined): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    const refused = () => done(new HttpError(403, 'cross-origin', 'Requests from other sites are refused.'));
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refused();
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== (publicOrigin ?? `${request.protocol}://${request.headers.host ?? ''}`)) return refused();
    // Even a state change with nothing to say is JSON ({}).
    if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      return done(new HttpError(415, 'unsupported-media-type', 'Send state changes as application/json.'));
    }
    done();
  });
}
