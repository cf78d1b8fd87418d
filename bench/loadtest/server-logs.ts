import type { Readable } from 'node:stream';

/**
 * The server's own account of each push: Fastify logs every request as JSON lines, "incoming
 * request" (with the URL) and "request completed" (with responseTime, in ms) sharing a reqId.
 * This is the time inside the server, free of the load generator's own event-loop delays.
 */
export function collectPushTimes(stdout: Readable): { times: number[]; stop(): void } {
  const pushIds = new Set<string>();
  const times: number[] = [];
  let rest = '';
  const onData = (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      let entry: { reqId?: string; req?: { url?: string }; responseTime?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
      if (entry.reqId === undefined) continue;
      if (entry.req?.url?.startsWith('/api/sync/push')) pushIds.add(entry.reqId);
      else if (entry.responseTime !== undefined && pushIds.delete(entry.reqId)) times.push(entry.responseTime);
    }
  };
  stdout.on('data', onData);
  return { times, stop: () => stdout.off('data', onData) };
}
