import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { HttpError } from './http-error';

/** No Fieldbook message nests deeper than a handful of levels; 32 leaves room and stops abuse. */
export const MAX_JSON_DEPTH = 32;
/** Every API body but a push is small; a push has its own larger limit (sync-routes.ts). */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * The only body parser (but for a photo upload's JPEG, which photo-routes.ts adds in its own
 * scope only): JSON, at most MAX_JSON_DEPTH deep, with `__proto__` and
 * `constructor.prototype` keys refused rather than parsed (secure-json-parse, as Fastify's own
 * parser uses, but with errors that say which problem it was), so no request can reach an
 * object's prototype.
 *
 * Depth is measured by a linear scan of the text before parsing: a body like [[[[…]]]] a
 * million levels deep is refused without ever being parsed.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new HttpError(400, 'invalid-request', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`), undefined);
      return;
    }
    if (text.trim() === '') {
      done(new HttpError(400, 'malformed-json', 'The request body is empty; send JSON.'), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (e) {
      const forbidden = e instanceof Error && /forbidden prototype/.test(e.message);
      done(
        forbidden
          ? new HttpError(400, 'invalid-request', 'The request body uses a forbidden key (__proto__ or constructor.prototype).')
          : new HttpError(400, 'malformed-json', 'The request body is not valid JSON.'),
        undefined,
      );
    }
  });
}

/** The deepest nesting of objects and arrays in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return max;
}
