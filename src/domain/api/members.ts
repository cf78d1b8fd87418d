import { Id } from '../primitives';
import { AddMemberRequest, AddMemberResponse, ChangeMemberRequest, MemberResponse } from '../account';
import type { Endpoint } from './endpoint';

/** A partnership's coordinators manage its members (docs/decisions/0020-members-and-roles.md). The list: partnership.ts. */
const params = { partnershipId: Id, userId: Id };

/** The answer holds a new account's temporary password: shown once, never kept. */
export const addMember = {
  method: 'POST',
  path: '/api/partnerships/:partnershipId/members',
  params: { partnershipId: Id },
  body: AddMemberRequest,
  what: 'new member',
  response: AddMemberResponse,
} as const satisfies Endpoint;

export const changeMember = {
  method: 'PATCH',
  path: '/api/partnerships/:partnershipId/members/:userId',
  params,
  body: ChangeMemberRequest,
  what: 'change',
  response: MemberResponse,
} as const satisfies Endpoint;

export const deactivateMember = {
  method: 'POST',
  path: '/api/partnerships/:partnershipId/members/:userId/deactivate',
  params,
  response: null,
} as const satisfies Endpoint;

export const reactivateMember = {
  method: 'POST',
  path: '/api/partnerships/:partnershipId/members/:userId/reactivate',
  params,
  response: null,
} as const satisfies Endpoint;
