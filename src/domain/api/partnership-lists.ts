import { Id } from '../primitives';
import { AreaChangeRequest, ListEntryResponse, NewAreaRequest, NewOrganisationRequest, OrganisationChangeRequest } from '../partnership-lists';
import type { Endpoint } from './endpoint';

/** A partnership's administrators keep its areas and partner organisations (partnership-lists.ts). */
const partnership = { partnershipId: Id };

export const addArea = {
  method: 'POST',
  path: '/api/partnerships/:partnershipId/areas',
  params: partnership,
  body: NewAreaRequest,
  what: 'area',
  response: ListEntryResponse,
} as const satisfies Endpoint;

export const changeArea = {
  method: 'PATCH',
  path: '/api/partnerships/:partnershipId/areas/:entryId',
  params: { ...partnership, entryId: Id },
  body: AreaChangeRequest,
  what: 'area',
  response: ListEntryResponse,
} as const satisfies Endpoint;

export const addOrganisation = {
  method: 'POST',
  path: '/api/partnerships/:partnershipId/organisations',
  params: partnership,
  body: NewOrganisationRequest,
  what: 'organisation',
  response: ListEntryResponse,
} as const satisfies Endpoint;

export const changeOrganisation = {
  method: 'PATCH',
  path: '/api/partnerships/:partnershipId/organisations/:entryId',
  params: { ...partnership, entryId: Id },
  body: OrganisationChangeRequest,
  what: 'organisation',
  response: ListEntryResponse,
} as const satisfies Endpoint;
