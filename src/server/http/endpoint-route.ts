import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { z } from '../../domain/zod';
import type { Endpoint } from '../../domain/api/endpoint';
import { parseOr400 } from './parse';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The declaration the route was registered from (route(), below): set on every /api route. */
    endpoint?: Endpoint;
  }
}

type Schema = z.core.$ZodType;

/**
 * The request's input, parsed with the declaration's schemas when the handler asks (after it
 * has checked who is asking, as before): a mismatch is a 400 naming each failing field.
 */
export type RouteInput<E extends Endpoint> = {
  params(): E extends { params: infer P } ? { [K in keyof P]: P[K] extends Schema ? z.infer<P[K]> : never } : Record<string, never>;
} & (E extends { query: infer Q extends Schema } ? { query(): z.infer<Q> } : unknown) &
  (E extends { body: infer B extends Schema } ? { body(): z.infer<B> } : unknown);

/** What a handler answers: the declared JSON, or the reply it has sent (every 204, every 201, files). */
type RouteAnswer<E extends Endpoint> = (E['response'] extends Schema ? z.input<E['response']> : E['response'] extends null ? never : unknown) | FastifyReply;

export type RouteHandler<E extends Endpoint> = (request: FastifyRequest, reply: FastifyReply, input: RouteInput<E>) => Promise<RouteAnswer<E>>;

/**
 * Registers the route of a declared endpoint (src/domain/api): its method and path come from
 * the declaration, so they are the ones the app's client uses. Path parameters are parsed as
 * "the address"; the query or body as the declaration's `what`.
 */
export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, handler: RouteHandler<E>): void;
export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, options: RouteShorthandOptions, handler: RouteHandler<E>): void;
export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, ...args: [RouteHandler<E>] | [RouteShorthandOptions, RouteHandler<E>]): void {
  const [options, handler] = args.length === 1 ? [{}, args[0]] : args;
  const params = z.strictObject(endpoint.params ?? {});
  const { query, body, what } = endpoint;
  app.route({
    ...options,
    method: endpoint.method,
    url: endpoint.path,
    config: { ...options.config, endpoint },
    handler: (request, reply) =>
      handler(request, reply, {
        params: () => parseOr400(params, request.params, 'address'),
        query: query && (() => parseOr400(query, request.query, what)),
        // A DELETE may arrive with no body at all: it says nothing, as {} does.
        body: body && (() => parseOr400(body, request.body ?? {}, what)),
      } as unknown as RouteInput<E>),
  });
}

/**
 * Refuses, as the server starts, any /api route not registered by route() from a declaration:
 * a path written by hand could drift from the one the app's client calls.
 */
export function refuseUndeclaredApiRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (options) => {
    if (options.url.startsWith('/api/') && options.config?.endpoint === undefined) {
      throw new Error(`${String(options.method)} ${options.url} is not declared: declare it in src/domain/api and register it with route().`);
    }
  });
}
