import { Id } from '../primitives';
import { PartnershipDetailsResponse, PartnershipDetailsUpdate, PublicContactsResponse } from '../partnership-details';
import type { Endpoint } from './endpoint';

/**
 * What prints on a partnership's reports, changed by its administrators; and every hosted
 * partnership's contact, read before sign-in by the accessibility statement and privacy notice.
 * Loaded only with the settings screen and the public pages.
 */
export const changeDetails = {
  method: 'PUT',
  path: '/api/partnerships/:partnershipId/details',
  params: { partnershipId: Id },
  body: PartnershipDetailsUpdate,
  what: 'partnership details',
  response: PartnershipDetailsResponse,
} as const satisfies Endpoint;

/** Public: names and contacts the partnerships publish on their own statement and notice anyway (docs/security.md). */
export const publicContacts = { method: 'GET', path: '/api/public/partnerships', response: PublicContactsResponse } as const satisfies Endpoint;
