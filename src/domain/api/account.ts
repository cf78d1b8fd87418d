import { ChangePasswordRequest } from '../account';
import type { Endpoint } from './endpoint';

/** The signed-in user's own account. */
export const changePassword = {
  method: 'POST',
  path: '/api/account/password',
  body: ChangePasswordRequest,
  what: 'password change',
  response: null,
} as const satisfies Endpoint;
