import type { z } from '../zod';

type Schema = z.core.$ZodType;

/**
 * One API endpoint, declared once for both ends: the app's client builds its requests from it
 * and checks the answer against its response schema; the server registers its route from it
 * and parses the request with its schemas (src/server/http/endpoint-route.ts). So a method or a
 * path cannot differ between the two, and a test proves every /api route is declared here.
 *
 * Declarations are split by area, one file each, so that a phone downloads only the ones its
 * screens use: the officer's API client imports session, account, sync, photos, members and
 * partnership; plans, reviews and fund returns load only with the coordinator's screens.
 */
export interface Endpoint {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** In Fastify's form: each `:name` is a parameter, with its schema in params. */
  readonly path: string;
  readonly params?: Readonly<Record<string, Schema>>;
  readonly query?: Schema;
  /** A JSON body. A state change without one still sends {}: the server refuses any body that is not JSON. */
  readonly body?: Schema;
  /** What a 400 calls the query or body: "The sign-in has a problem." ('request' when unsaid). */
  readonly what?: string;
  /**
   * The answer: a JSON body checked against this schema; null for 204 No Content; 'file' for a
   * download that is not JSON (a photo's bytes, a CSV), fetched by its URL; 'json' for JSON with
   * no shared schema, read only by tests and tools.
   */
  readonly response: Schema | null | 'file' | 'json';
}

/** The endpoint's path with each `:name` replaced by its value, encoded. */
export const pathTo = (endpoint: Endpoint, params: Readonly<Record<string, string>> = {}): string =>
  endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!));
