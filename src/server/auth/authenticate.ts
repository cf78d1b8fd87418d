import type { FastifyRequest } from 'fastify';
import type { Membership } from '../../domain/user';
import { mayWrite } from '../../domain/roles';
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

/** What a viewer is told when anything they send would change something (roles.ts: mayWrite). */
export const VIEWER_CANNOT_CHANGE = 'A viewer can read the partnership’s plan, progress and reports but cannot change anything.';

/** Methods that change nothing: the only ones a viewer may use beyond their own account. */
const READS = new Set(['GET', 'HEAD']);

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
 *
 * Someone who is a viewer in every partnership they belong to (decision 42) may change nothing:
 * any request but a read is refused here, 403, before its body is even parsed, so a route added
 * later refuses viewers without having to remember to. Those same routes about the person's own
 * account are the exception: a viewer changes their own password. A push is refused whole, not
 * mutation by mutation: the app queues nothing for a viewer, so only a client that should not be
 * writing ever sees it, never an officer's phone; and a phone whose officer has since become a
 * viewer keeps its queue (nothing is lost: a coordinator can import its unsynced file, or give
 * the role back). Someone who views one partnership and writes in another passes, and each route
 * refuses their changes to the one they view (requireCoordinator, the push's refusalForViewer).
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
  const onlyViews = ctx.memberships.length > 0 && !ctx.memberships.some((m) => mayWrite(m.role));
  if (onlyViews && !READS.has(request.method) && options.temporaryPassword !== 'allowed') throw new HttpError(403, 'forbidden', VIEWER_CANNOT_CHANGE);
  return ctx;
}

export function toSessionUser(ctx: Pick<AuthContext, 'user' | 'memberships'>) {
  return { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name, memberships: ctx.memberships, mustChangePassword: ctx.user.mustChangePassword };
}
