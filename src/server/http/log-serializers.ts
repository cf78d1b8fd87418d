import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * What may reach the logs, as an allow-list: JSON lines that never hold an officer's notes, a
 * password, a session token or anything else a request carried (README, Data protection).
 *
 * - Requests: method, path and client address. Never the body, headers (cookies) or the query
 *   string: a query names what was asked for (cursors, export filters) and is not needed to
 *   follow a request through the log; `reqId` ties its lines together.
 * - Responses: the status code.
 * - Errors: type, code, status and stack frames. The message is kept with anything quoted in it
 *   masked, because drivers quote values in their messages (PostgreSQL's `invalid input syntax
 *   for type …: "…"`, V8's JSON.parse errors). Other properties an error carries are dropped:
 *   PostgreSQL errors carry the offending row in `detail`, `where` and `parameters`.
 *
 * Fastify merges these over its own serializers, so each replaces Fastify's default.
 */
export const logSerializers = {
  req: (req: Pick<FastifyRequest, 'method' | 'url' | 'ip'>) => ({ method: req.method, url: pathOnly(req.url), remoteAddress: req.ip }),
  res: (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode }),
  err: (err: FastifyError) => ({
    type: err.name,
    message: maskQuoted(err.message),
    stack: stackFrames(err.stack),
    ...(err.code === undefined ? {} : { code: String(err.code) }),
    ...(err.statusCode === undefined ? {} : { statusCode: err.statusCode }),
  }),
};

function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** Quoted runs ("…", '…', `…`) become "…": the shape of the message stays, the values go. */
export function maskQuoted(message: string | undefined): string {
  return (message ?? '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '"…"').replace(/\((?:[^()]*)\)=\((?:[^()]*)\)/g, '(…)=(…)');
}

/** The "    at …" lines only: the first line of a stack repeats the message unmasked. */
function stackFrames(stack: string | undefined): string {
  return (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}
