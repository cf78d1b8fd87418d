import { PushRequest, PushResponse } from '../sync/push';
import { PullQuery, PullResponse } from '../sync/pull';
import { DeviceCheckQuery, DeviceCheckResponse } from '../sync/device-check';
import type { Endpoint } from './endpoint';

/** The sync protocol (docs/sync-protocol.md). */
export const push = { method: 'POST', path: '/api/sync/push', body: PushRequest, what: 'push', response: PushResponse } as const satisfies Endpoint;

/** The client checks a page a batch of records per task (parsePullPage), exactly as against PullResponse. */
export const pull = { method: 'GET', path: '/api/sync/pull', query: PullQuery, what: 'pull', response: PullResponse } as const satisfies Endpoint;

export const deviceCheck = {
  method: 'GET',
  path: '/api/sync/device-check',
  query: DeviceCheckQuery,
  what: 'device check',
  response: DeviceCheckResponse,
} as const satisfies Endpoint;
