import type { FastifyInstance } from 'fastify';
import { uploadPhoto } from '../../domain/api/photos';
import { HttpError } from './http-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const JPEG_TYPE = /^image\/jpeg\s*(;|$)/i;

/**
 * Guards everything that changes state against cross-site request forgery: it must come from
 * this origin and be JSON. The session cookie is already SameSite=Strict; this is the second lock.
 * - Browsers send Sec-Fetch-Site and Origin with every POST, PUT and DELETE; when present they
 *   must say this origin. Requests with neither come from non-browser clients, which cannot carry
 *   a victim's cookies anyway.
 * - The request must declare a JSON body (the only parser, json-body.ts): a plain HTML form on
 *   another site can only send urlencoded, multipart or text/plain.
 * - One exception, by route (as Fastify matched it, not by a prefix of the URL): a photo upload,
 *   PUT /api/photos/:photoId, must be image/jpeg instead, and nothing else may be. That is just as
 *   safe: a cross-site HTML form cannot send image/jpeg (nor use PUT), and a fetch from another
 *   origin with a non-simple method or content type needs a CORS preflight, which this server
 *   never grants (it answers no OPTIONS with Access-Control-Allow-*). Origin and Sec-Fetch-Site
 *   are checked for it as for every other state change, and the cookie is SameSite=Strict.
 */
export function installStateChangeGuard(app: FastifyInstance, publicOrigin: string | undefined): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    const refused = () => done(new HttpError(403, 'cross-origin', 'Requests from other sites are refused.'));
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refused();
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== (publicOrigin ?? `${request.protocol}://${request.headers.host ?? ''}`)) return refused();
    const contentType = request.headers['content-type'] ?? '';
    // The one route whose body is not JSON: a photo's JPEG bytes (photo-routes.ts).
    if (request.method === uploadPhoto.method && request.routeOptions.url === uploadPhoto.path) {
      if (!JPEG_TYPE.test(contentType)) return done(new HttpError(415, 'unsupported-media-type', 'Send the photo as image/jpeg.'));
      return done();
    }
    // Even a state change with nothing to say is JSON ({}).
    if (!JSON_TYPE.test(contentType)) {
      return done(new HttpError(415, 'unsupported-media-type', 'Send state changes as application/json.'));
    }
    done();
  });
}
