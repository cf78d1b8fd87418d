import { hasCoordinatorRights, mayWrite } from './roles';
import type { Membership } from './user';

/** Who is asking: a signed-in person and their roles, as the phone's session and the server's authentication both hold them. */
export interface Viewer {
  id: string;
  memberships: readonly Pick<Membership, 'partnershipId' | 'role'>[];
}

/** An outcome as far as access is concerned: who logged it, and in which partnership. */
type OutcomeOwnership = { authorId: string; partnershipId: string };

/**
 * Whether the viewer runs the partnership (a coordinator or an administrator of it). Here, not in
 * roles.ts: roles.ts is in the first screen's bundle, and what lazy screens use of it stays there.
 */
export function coordinatesPartnership(viewer: Pick<Viewer, 'memberships'>, partnershipId: string): boolean {
  return viewer.memberships.some((m) => m.partnershipId === partnershipId && hasCoordinatorRights(m.role));
}

/**
 * Who may read an outcome's private fields, its notes and its photos: the officer who logged it
 * and the coordinators of its partnership. Notes are free text and photos are pictures; either may
 * mention or show people. Every other member of the partnership sees the outcome's counts only
 * (decision 8): a lost phone holds as little as it can. A viewer of the partnership reads none,
 * not even of outcomes they logged while they were an officer (decision 42). The pull's redaction
 * and the photo routes both ask this.
 */
export function mayReadPrivateFields(viewer: Viewer, outcome: OutcomeOwnership): boolean {
  const role = viewer.memberships.find((m) => m.partnershipId === outcome.partnershipId)?.role;
  if (role !== undefined && !mayWrite(role)) return false;
  return outcome.authorId === viewer.id || coordinatesPartnership(viewer, outcome.partnershipId);
}

/**
 * Who may change or delete an outcome, or attach photos to it: the same people, since whoever may
 * change a record must be able to read what they change. The phone offers "Change" by it; the
 * server refuses anyone else, whatever an old phone sends.
 */
export function mayChangeOutcome(viewer: Viewer, outcome: OutcomeOwnership): boolean {
  return mayReadPrivateFields(viewer, outcome);
}
