import type { FastifyInstance } from 'fastify';
import type { DeviceCheckResponse } from '../../domain/sync/device-check';
import * as sync from '../../domain/api/sync';
import { deviceCookie, deviceCookieName, readCookie } from '../http/cookies';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { applyPush } from '../sync/push';
import { pullChanges } from '../sync/pull';

/** Enough for a full push of 500 outcomes with long notes; larger bodies get 413. */
export const PUSH_BODY_LIMIT = 4 * 1024 * 1024;

export function syncRoutes(app: FastifyInstance, deps: AuthDeps): void {
  route(app, sync.push, { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const push = input.body();
    const response = await applyPush(deps.storage, auth, push, deps.now());
    reply.header('Set-Cookie', deviceCookie(deps.cookie.secure, push.deviceId));
    return response;
  });

  /**
   * A new device database asks, on its first sync, whether this browser's previous one was lost:
   * the cookie names a device of this user that pushed work and is not this one. Then the cookie
   * moves to the new device, so the answer is given once.
   */
  route(app, sync.deviceCheck, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { deviceId } = input.query();
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

  route(app, sync.pull, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const query = input.query();
    return pullChanges(deps.storage, auth, query);
  });
}
