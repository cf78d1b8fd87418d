import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SignInResponse } from '../../domain/user';
import * as session from '../../domain/api/session';
import { HttpError } from '../http/http-error';
import { route } from '../http/endpoint-route';
import { clearedDeviceCookie, clearedSessionCookie, readCookie, sessionCookie } from '../http/cookies';
import { hashPassword, verifyPassword, type ScryptCost } from '../auth/password';
import { endSession, startSession } from '../auth/sessions';
import { requireAuth, toSessionUser, type AuthDeps } from '../auth/authenticate';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, accountKey, addressKey, blockedForMs, recordFailure } from '../auth/sign-in-throttle';

const WRONG_CREDENTIALS = 'The email address or password is not right.';

export function sessionRoutes(app: FastifyInstance, deps: AuthDeps & { scryptCost: ScryptCost }): void {
  // A hash of a random password, verified against when the email is unknown, so that an unknown
  // email costs the same time as a wrong password and the answer does not reveal who has an account.
  // Made now, not on first use: otherwise the first unknown email would take twice as long.
  const decoyHash = hashPassword(randomUUID(), deps.scryptCost);

  route(app, session.signIn, async (request, reply, input) => {
    const { email, password } = input.body();
    const keys = { account: accountKey(email), address: addressKey(request.ip) };

    // 1. Throttled keys are refused before any password is checked, whether the email exists or not.
    const waitMs = await deps.storage.transaction((tx) => blockedForMs(tx, [keys.account, keys.address], deps.now()));
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      reply.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new HttpError(429, 'too-many-attempts', `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }

    // 2. Check the password (outside any transaction: scrypt is slow).
    const user = await deps.storage.transaction((tx) => tx.accounts.findUserByEmail(email));
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !user.active || !ok) {
      await deps.storage.transaction(async (tx) => {
        await recordFailure(tx, keys.account, ACCOUNT_THROTTLE, deps.now());
        await recordFailure(tx, keys.address, ADDRESS_THROTTLE, deps.now());
      });
      request.log.info({ event: 'sign-in-failed' }, 'sign-in failed');
      throw new HttpError(401, 'invalid-credentials', WRONG_CREDENTIALS);
    }

    // 3. A fresh session id at every sign-in; whatever session the browser held before ends here.
    const previous = readCookie(request.headers.cookie, deps.cookie.name);
    const { token, memberships } = await deps.storage.transaction(async (tx) => {
      await tx.sessions.deleteThrottle(keys.account);
      if (previous) await endSession(tx, previous);
      return { token: await startSession(tx, user.id, deps.now(), deps.policy), memberships: await tx.accounts.listMemberships(user.id) };
    });
    reply.header('Set-Cookie', sessionCookie(deps.cookie, token, Math.floor(deps.policy.absoluteMs / 1000)));
    const body: SignInResponse = { user: toSessionUser({ user, memberships }) };
    return body;
  });

  route(app, session.getSession, async (request) => {
    // Also on a temporary password: the answer is how the app learns it must ask for a new one.
    const auth = await requireAuth(request, deps, { temporaryPassword: 'allowed' });
    const body: SignInResponse = { user: toSessionUser(auth) };
    return body;
  });

  route(app, session.signOut, async (request, reply) => {
    const token = readCookie(request.headers.cookie, deps.cookie.name);
    if (token) await deps.storage.transaction((tx) => endSession(tx, token));
    // Signing out deletes this browser's device data on purpose: forget the device too, so the
    // next sign-in here is not reported as data lost to eviction.
    reply.header('Set-Cookie', [clearedSessionCookie(deps.cookie), clearedDeviceCookie(deps.cookie.secure)]);
    return reply.code(204).send();
  });
}
