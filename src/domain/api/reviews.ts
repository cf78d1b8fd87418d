import { Id, IsoDate } from '../primitives';
import { ActionReviewRequest, SignOffRequest } from '../review';
import { EmptyBody } from './empty-body';
import type { Endpoint } from './endpoint';

/** The quarterly review: coordinators only. */
export const saveReview = {
  method: 'PUT',
  path: '/api/actions/:actionId/reviews/:quarterStart',
  params: { actionId: Id, quarterStart: IsoDate },
  body: ActionReviewRequest,
  what: 'review',
  response: null,
} as const satisfies Endpoint;

export const signOff = {
  method: 'POST',
  path: '/api/plans/:planId/sign-offs',
  params: { planId: Id },
  body: SignOffRequest,
  what: 'sign-off',
  response: null,
} as const satisfies Endpoint;

export const reopen = {
  method: 'POST',
  path: '/api/plans/:planId/sign-offs/:quarterStart/reopen',
  params: { planId: Id, quarterStart: IsoDate },
  body: EmptyBody,
  response: null,
} as const satisfies Endpoint;
