import type { Viewer } from './outcome-access';

/**
 * Whether the viewer administers the partnership: may change its settings (areas, partner
 * organisations, what prints on reports). Coordinators run the plan and the team; the
 * partnership's own shape is its administrators'. The settings screen offers itself by this and
 * every settings route refuses anyone else.
 */
export function administersPartnership(viewer: Pick<Viewer, 'memberships'>, partnershipId: string): boolean {
  return viewer.memberships.some((m) => m.partnershipId === partnershipId && m.role === 'admin');
}
