import type { Membership, Role } from './user';

/** Rules about roles, kept apart from the schemas so the phone's first screen can use them without zod. */
export function isCoordinator(user: { memberships: readonly Pick<Membership, 'role'>[] }): boolean {
  return user.memberships.some((m) => hasCoordinatorRights(m.role));
}

/**
 * Whether a role may run the partnership: its plan, reviews, team and audit log. An administrator
 * has every right a coordinator has, so every permission check asks this, never `=== 'coordinator'`.
 */
export function hasCoordinatorRights(role: Role): boolean {
  return role === 'coordinator' || role === 'admin';
}

/**
 * Whether a role may change anything in its partnership (log, add a place, attach a photo, edit).
 * A viewer (scrutiny, the board, the PCC's office) may not, whatever else they may read.
 */
export const mayWrite = (role: Role): boolean => role !== 'viewer';

/** Whether a role may read the partnership's reports: its reviews, sign-offs and PCC return. */
export const mayReadReports = (role: Role): boolean => role === 'viewer' || hasCoordinatorRights(role);

/** Only an administrator may make someone an administrator, or stop them being one. */
export function mayGrantRole(actor: Role, from: Role | undefined, to: Role): boolean {
  if (!hasCoordinatorRights(actor)) return false;
  return actor === 'admin' || (from !== 'admin' && to !== 'admin');
}

export const ROLE_LABEL: Record<Role, string> = { viewer: 'Viewer', officer: 'Officer', coordinator: 'Coordinator', admin: 'Administrator' };

/** In the order the Team screen offers them, least to most rights: a viewer changes nothing. */
export const ROLES: readonly Role[] = ['viewer', 'officer', 'coordinator', 'admin'];
