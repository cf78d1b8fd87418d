import type { FastifyInstance } from 'fastify';
import { PushRequest } from '../../domain/sync/push';
import { PullQuery } from '../../domain/sync/pull';
import { parseOr400 } from '../http/parse';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { applyPush } from '../sync/push';
import { pullChanges } from '../sync/pull';

/** Enough for a full push of 500 outcomes with long notes; larger bodies get 413. */
export const PUSH_BODY_LIMIT = 4 * 1024 * 1024;

export function syncRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const auth = await requireAuth(request, deps);
    const push = parseOr400(PushRequest, request.body, 'push');
    return applyPush(deps.storage, auth, push, deps.now());
  });

  app.get('/api/sync/pull', async (request) => {
    const auth = await requireAuth(request, deps);
    const query = parseOr400(PullQuery, request.query, 'pull');
    return pullChanges(deps.storage, auth, query);
  });
}
