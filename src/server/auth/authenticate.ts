import type { FastifyRequest } from 'fastify';
import type { Membership } from '../../domain/user';
import type { Storage } from '../storage/storage';
import type { UserRecord } from '../storage/stores/account-store';
import { HttpError } from '../http/http-error';
import { readCookie, type SessionCookieOptions } from '../http/cookies';
import { resolveSession, type SessionPolicy } from './sessions';

export interface AuthContext {
  user: UserRecord;
  memberships: Membership[];
  /** The raw token, so sign-out can end exactly this session. */
  token: string;
}

export interface AuthDeps {
  storage: Storage;
  cookie: SessionCookieOptions;
  policy: SessionPolicy;
  now: () => Date;
}

/**
 * The signed-in user behind a request, with their partnerships and roles as the database says
 * now (never as the device says). Every API route except sign-in calls this first.
 *
 * A user still on the temporary password a coordinator was given may only read their session
 * and change the password (the routes that pass `temporaryPassword: 'allowed'`): that password
 * has passed through other hands, so it must not become the one they keep (ASVS 5.0 V6.4).
 */
export async function requireAuth(request: FastifyRequest, deps: AuthDeps, options: { temporaryPassword?: 'allowed' } = {}): Promise<AuthContext> {
  const token = readCookie(request.headers.cookie, deps.cookie.name);
  if (!token) throw new HttpError(401, 'unauthenticated', 'Sign in to continue.');
  // 'touch': every request passes here, and its only writes (last-seen, an expired session's
  // removal) need no ordering, so it never waits for the writers' lock on PostgreSQL.
  const ctx = await deps.storage.transaction(async (tx) => {
    const userId = await resolveSession(tx, token, deps.now(), deps.policy);
    const user = userId ? await tx.accounts.findUserById(userId) : undefined;
    if (!user) return undefined;
    return { user, memberships: await tx.accounts.listMemberships(user.id), token };
  }, 'touch');
  if (!ctx) throw new HttpError(401, 'unauthenticated', 'Your session has ended. Sign in again to continue.');
  if (ctx.user.mustChangePassword && options.temporaryPassword !== 'allowed') {
    throw new HttpError(403, 'forbidden', 'Choose your own password first: you signed in with a temporary one.');
  }
  return ctx;
}

export function toSessionUser(ctx: Pick<AuthContext, 'user' | 'memberships'>) {
  return { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name, memberships: ctx.memberships, mustChangePassword: ctx.user.mustChangePassword };
}
