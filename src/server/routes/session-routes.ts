import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SignInRequest, type SignInResponse } from '../../domain/user';
import { HttpError } from '../http/http-error';
import { parseOr400 } from '../http/parse';
import { clearedSessionCookie, readCookie, sessionCookie } from '../http/cookies';
import { hashPassword, verifyPassword, type ScryptCost } from '../auth/password';
import { endSession, startSession } from '../auth/sessions';
import { requireAuth, toSessionUser, type AuthDeps } from '../auth/authenticate';

const WRONG_CREDENTIALS = 'The email address or password is not right.';

export function sessionRoutes(app: FastifyInstance, deps: AuthDeps & { scryptCost: ScryptCost }): void {
  // A hash of a random password, verified against when the email is unknown, so that an unknown
  // email costs the same time as a wrong password and the answer does not reveal who has an account.
  // Made now, not on first use: otherwise the first unknown email would take twice as long.
  const decoyHash = hashPassword(randomUUID(), deps.scryptCost);

  app.post('/api/session', async (request, reply) => {
    const { email, password } = parseOr400(SignInRequest, request.body, 'sign-in');
    const user = await deps.storage.transaction((tx) => tx.findUserByEmail(email));
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !user.active || !ok) throw new HttpError(401, 'invalid-credentials', WRONG_CREDENTIALS);

    const previous = readCookie(request.headers.cookie, deps.cookie.name);
    const { token, memberships } = await deps.storage.transaction(async (tx) => {
      // A fresh session id at every sign-in; whatever session the browser held before ends here.
      if (previous) await endSession(tx, previous);
      return { token: await startSession(tx, user.id, deps.now(), deps.policy), memberships: await tx.listMemberships(user.id) };
    });
    reply.header('Set-Cookie', sessionCookie(deps.cookie, token, Math.floor(deps.policy.absoluteMs / 1000)));
    const body: SignInResponse = { user: toSessionUser({ user, memberships }) };
    return body;
  });

  app.get('/api/session', async (request) => {
    const auth = await requireAuth(request, deps);
    const body: SignInResponse = { user: toSessionUser(auth) };
    return body;
  });

  app.delete('/api/session', async (request, reply) => {
    const token = readCookie(request.headers.cookie, deps.cookie.name);
    if (token) await deps.storage.transaction((tx) => endSession(tx, token));
    reply.header('Set-Cookie', clearedSessionCookie(deps.cookie));
    return reply.code(204).send();
  });
}
