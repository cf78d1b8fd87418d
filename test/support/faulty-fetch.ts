import type { RestartableServer } from './restartable-server';

/**
 * What can go wrong with one request, from the phone's side:
 * - lost-request: it never reaches the server (no signal at the moment of sending);
 * - lost-response: the server does it and commits, but the answer never arrives;
 * - timeout: the same, noticed as a timeout;
 * - server-error: the server answers 500 without doing anything;
 * - crash-before: the server restarts before it can do it;
 * - crash-after: the server does it, commits, then restarts before answering.
 */
export type Fault = 'none' | 'lost-request' | 'lost-response' | 'timeout' | 'server-error' | 'crash-before' | 'crash-after';
export const FAULTS: Fault[] = ['none', 'lost-request', 'lost-response', 'timeout', 'server-error', 'crash-before', 'crash-after'];

const networkError = () => new TypeError('fetch failed (injected)');

/**
 * A fetch for the app's own API client that applies the queued faults, one per sync request
 * (push and pull), in order; other requests and requests after the queue is empty go through.
 */
export function faultyFetch(inner: typeof fetch, server: RestartableServer) {
  const queue: Fault[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const fault = url.includes('/api/sync/') ? (queue.shift() ?? 'none') : 'none';
    switch (fault) {
      case 'none':
        return inner(input, init);
      case 'lost-request':
        throw networkError();
      case 'server-error':
        return new Response(JSON.stringify({ error: 'internal', message: 'Injected failure.' }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        });
      case 'crash-before':
        await server.restart();
        throw networkError();
      case 'lost-response':
      case 'timeout':
      case 'crash-after': {
        const res = await inner(input, init);
        await res.arrayBuffer(); // the server has finished and committed
        if (fault === 'crash-after') await server.restart();
        throw fault === 'timeout' ? new DOMException('The operation timed out.', 'TimeoutError') : networkError();
      }
    }
  }) as typeof fetch & { faults: Fault[] };
  f.faults = queue;
  return f;
}
