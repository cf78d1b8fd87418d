import type { FastifyInstance } from 'fastify';
import type { Storage } from '../storage/storage';

/**
 * How long /readyz waits for the database. An unreachable PostgreSQL host can leave a new
 * connection hanging for minutes; a load balancer needs "not ready" now, not a probe timeout.
 */
export const READY_TIMEOUT_MS = 2000;

export function healthRoutes(app: FastifyInstance, storage: Storage): void {
  /** Alive: the process answers. A process manager restarts it when this fails. */
  app.get('/healthz', (_request, reply) => reply.send({ ok: true }));
  /** Ready: the database answers too. A load balancer routes no phones here when this fails. */
  app.get('/readyz', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        // A read takes no writers' lock: a busy push must not make a healthy instance look unready.
        storage.transaction((tx) => tx.plans.countPartnerships(), 'read'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('database did not answer in time')), READY_TIMEOUT_MS);
        }),
      ]);
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false });
    } finally {
      clearTimeout(timer);
    }
  });
}
