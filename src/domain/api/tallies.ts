import { Id } from '../primitives';
import type { Endpoint } from './endpoint';

/** Every measure tallied from what has reached the server (TalliesResponse in domain/tallies.ts, no schema). */
export const tallies = {
  method: 'GET',
  path: '/api/partnerships/:partnershipId/tallies',
  params: { partnershipId: Id },
  response: 'json',
} as const satisfies Endpoint;
