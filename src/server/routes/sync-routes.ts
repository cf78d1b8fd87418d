import type { FastifyInstance } from 'fastify';
import { PushRequest } from '../../domain/sync/push';
import { PullQuery } from '../../domain/sync/pull';
import { DeviceCheckQuery, type DeviceCheckResponse } from '../../domain/sync/device-check';
import { deviceCookie, deviceCookieName, readCookie } from '../http/cookies';
import { parseOr400 } from '../http/parse';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { applyPush } from '../sync/push';
import { pullChanges } from '../sync/pull';

/** Enough for a full push of 500 outcomes with long notes; larger bodies get 413. */
export const PUSH_BODY_LIMIT = 4 * 1024 * 1024;

export function syncRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const push = parseOr400(PushRequest, request.body, 'push');
    const response = await applyPush(deps.storage, auth, push, deps.now());
    reply.header('Set-Cookie', deviceCookie(deps.cookie.secure, push.deviceId));
    return response;
  });

  /**
   * A new device database asks, on its first sync, whether this browser's previous one was lost:
   * the cookie names a device of this user that pushed work and is not this one. Then the cookie
   * moves to the new device, so the answer is given once.
   */
  app.get('/api/sync/device-check', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { deviceId } = parseOr400(DeviceCheckQuery, request.query, 'device check');
    const previousId = readCookie(request.headers.cookie, deviceCookieName(deps.cookie.secure));
    const lostDevice = await deps.storage.transaction(async (tx) => {
      if (!previousId || previousId === deviceId || (await tx.devices.find(deviceId))) return null;
      const previous = await tx.devices.find(previousId);
      return previous && previous.userId === auth.user.id && previous.lastSeq > 0
        ? { lastSeenAt: previous.lastSeenAt, lastAppliedSeq: previous.lastSeq }
        : null;
    });
    reply.header('Set-Cookie', deviceCookie(deps.cookie.secure, deviceId));
    const body: DeviceCheckResponse = { lostDevice };
    return body;
  });

  app.get('/api/sync/pull', async (request) => {
    const auth = await requireAuth(request, deps);
    const query = parseOr400(PullQuery, request.query, 'pull');
    return pullChanges(deps.storage, auth, query);
  });
}
