import type { Membership } from './user';

/** Rules about roles, kept apart from the schemas so the phone's first screen can use them without zod. */
export function isCoordinator(user: { memberships: readonly Pick<Membership, 'role'>[] }): boolean {
  return user.memberships.some((m) => m.role === 'coordinator');
}
