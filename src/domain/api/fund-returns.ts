import { Id } from '../primitives';
import { FundReturnRequest, FundReturnSaved } from '../fund-return';
import type { Endpoint } from './endpoint';

/** The PCC return: coordinators only. */
export const saveFundReturn = {
  method: 'PUT',
  path: '/api/plans/:planId/fund-return',
  params: { planId: Id },
  body: FundReturnRequest,
  what: 'return',
  response: FundReturnSaved,
} as const satisfies Endpoint;
