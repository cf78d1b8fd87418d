import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './http-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a 413 says on this route, instead of the general advice to push fewer records. */
    bodyTooLargeMessage?: string;
  }
}

/**
 * Every failure leaves as an ApiErrorBody. Errors we did not anticipate are logged with the
 * request id and answered with a generic 500 that gives nothing away; the process keeps serving.
 */
export function installErrorHandler(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    const known = toHttpError(err, request.routeOptions.config?.bodyTooLargeMessage);
    if (known) {
      return reply.code(known.status).send(known.body());
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the server. Try again later.' });
  });
  app.setNotFoundHandler((request, reply) => {
    // Deep links into the app (/actions/…) are routes of the single-page app, not files.
    if (opts.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')) {
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not-found', message: `Nothing at ${request.method} ${request.url.split('?')[0]}` });
  });
}

function toHttpError(err: FastifyError | HttpError, bodyTooLargeMessage: string | undefined): HttpError | undefined {
  if (err instanceof HttpError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'malformed-json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported-media-type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload-too-large', bodyTooLargeMessage ?? 'The request body is too large. Send fewer records at a time.');
  }
  // Fastify's JSON parser reports bad syntax and prototype-poisoning attempts as a 400 SyntaxError.
  if (err.statusCode === 400 && (err.name === 'SyntaxError' || err instanceof SyntaxError)) {
    return new HttpError(400, 'malformed-json', 'The request body is not valid JSON.');
  }
  return undefined;
}
