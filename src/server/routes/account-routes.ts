import type { FastifyInstance } from 'fastify';
import * as account from '../../domain/api/account';
import { HttpError } from '../http/http-error';
import { route } from '../http/endpoint-route';
import { hashPassword, verifyPassword, type ScryptCost } from '../auth/password';
import { passwordProblems } from '../auth/password-policy';
import { hashSessionToken } from '../auth/session-tokens';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { ACCOUNT_THROTTLE, accountKey, blockedForMs, recordFailure } from '../auth/sign-in-throttle';
import { appendAudit } from '../audit/append-audit';

export function accountRoutes(app: FastifyInstance, deps: AuthDeps & { scryptCost: ScryptCost }): void {
  /**
   * Change the signed-in user's password. The current password is required (and throttled like
   * sign-in); the new one must pass the policy. Every other session of the user ends: whoever
   * else knew the old password is signed out everywhere. It is how a temporary password, given
   * by a coordinator, is replaced (and the only thing that password allows).
   */
  route(app, account.changePassword, async (request, reply, input) => {
    const auth = await requireAuth(request, deps, { temporaryPassword: 'allowed' });
    const body = input.body();
    const key = accountKey(auth.user.email);
    if ((await deps.storage.transaction((tx) => blockedForMs(tx, [key], deps.now()))) > 0) {
      throw new HttpError(429, 'too-many-attempts', 'Too many attempts. Try again later.');
    }
    if (!(await verifyPassword(body.currentPassword, auth.user.passwordHash))) {
      await deps.storage.transaction((tx) => recordFailure(tx, key, ACCOUNT_THROTTLE, deps.now()));
      throw new HttpError(400, 'invalid-request', 'Your current password is not right.', {
        fieldErrors: [{ path: 'currentPassword', message: 'Your current password is not right' }],
      });
    }
    // Above all for a temporary password: keeping it would keep a password someone else has seen.
    const problems =
      body.newPassword === body.currentPassword
        ? ['Choose a new password, not the one you have now']
        : passwordProblems(body.newPassword, { email: auth.user.email });
    if (problems.length > 0) {
      throw new HttpError(400, 'invalid-request', problems.join('. '), { fieldErrors: problems.map((message) => ({ path: 'newPassword', message })) });
    }
    const hash = await hashPassword(body.newPassword, deps.scryptCost);
    await deps.storage.transaction(async (tx) => {
      await tx.accounts.setUserPassword(auth.user.id, hash);
      if (auth.user.mustChangePassword) await tx.accounts.setMustChangePassword(auth.user.id, false);
      await tx.sessions.deleteAllOfUser(auth.user.id, hashSessionToken(auth.token));
      for (const m of auth.memberships) {
        await appendAudit(
          tx,
          { partnershipId: m.partnershipId, actorId: auth.user.id, action: 'account.password-changed', entityType: 'user', entityId: auth.user.id },
          deps.now(),
        );
      }
    });
    return reply.code(204).send();
  });
}
