import type { z } from '../../domain/zod';
import type { Endpoint } from '../../domain/api/endpoint';

type Schema = z.core.$ZodType;

/** An endpoint the client calls and whose answer it checks: JSON with a schema, or no content. */
export type CallableEndpoint = Endpoint & { readonly response: Schema | null };

/** What a call sends: the path's parameters, the query and the JSON body (none needed when it can only be {}). */
export type CallInput<E extends CallableEndpoint> = (E extends { params: infer P } ? { params: { readonly [K in keyof P]: string } } : unknown) &
  (E extends { query: infer Q extends Schema } ? { query: z.input<Q> } : unknown) &
  (E extends { body: infer B extends Schema } ? (z.input<B> extends Record<string, never> ? { body?: z.input<B> } : { body: z.input<B> }) : unknown);

/** What a call resolves with: the checked answer, or nothing for 204. */
export type CallAnswer<E extends CallableEndpoint> = E['response'] extends Schema ? z.infer<E['response']> : void;
