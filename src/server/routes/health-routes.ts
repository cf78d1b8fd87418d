import type { FastifyInstance } from 'fastify';
import type { Storage } from '../storage/storage';

export function healthRoutes(app: FastifyInstance, storage: Storage): void {
  /** Alive: the process answers. */
  app.get('/healthz', (_request, reply) => reply.send({ ok: true }));
  /** Ready: the database answers too. */
  app.get('/readyz', async (_request, reply) => {
    try {
      await storage.transaction((tx) => tx.countPartnerships());
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false });
    }
  });
}
