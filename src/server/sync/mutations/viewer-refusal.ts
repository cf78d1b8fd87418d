import { mayWrite } from '../../../domain/roles';
import { VIEWER_CANNOT_CHANGE, type AuthContext } from '../../auth/authenticate';
import { refuse, type Refusal } from './refusal';

/**
 * A change to a partnership the user only views is refused (roles.ts: mayWrite). Only someone who
 * writes in another partnership gets this far: a push from someone who writes nowhere is refused
 * whole (requireAuth).
 */
export function refusalForViewer(auth: AuthContext, partnershipId: string): Refusal | undefined {
  const membership = auth.memberships.find((m) => m.partnershipId === partnershipId);
  return membership && !mayWrite(membership.role) ? refuse('forbidden', VIEWER_CANNOT_CHANGE) : undefined;
}
