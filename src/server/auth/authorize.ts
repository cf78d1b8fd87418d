import type { AuthContext } from './authenticate';
import { HttpError } from '../http/http-error';
import { hasCoordinatorRights } from '../../domain/roles';

/**
 * Partnership-scoped routes: a partnership the user does not belong to answers 404, exactly as
 * one that does not exist, so ids from other partnerships reveal nothing.
 */
export function requireMember(auth: AuthContext, partnershipId: string) {
  const membership = auth.memberships.find((m) => m.partnershipId === partnershipId);
  if (!membership) throw new HttpError(404, 'not-found', 'No such partnership.');
  return membership;
}

/** Coordinator functions: 404 outside the user's partnerships, 403 for an officer inside one. */
export function requireCoordinator(auth: AuthContext, partnershipId: string) {
  const membership = requireMember(auth, partnershipId);
  if (!hasCoordinatorRights(membership.role)) throw new HttpError(403, 'forbidden', 'Only the partnership’s coordinators can do this.');
  return membership;
}
