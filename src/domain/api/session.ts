import { SignInRequest, SignInResponse } from '../user';
import type { Endpoint } from './endpoint';

/** Signing in and out, and asking who is signed in (the session is a cookie). */
export const signIn = { method: 'POST', path: '/api/session', body: SignInRequest, what: 'sign-in', response: SignInResponse } as const satisfies Endpoint;

export const getSession = { method: 'GET', path: '/api/session', response: SignInResponse } as const satisfies Endpoint;

export const signOut = { method: 'DELETE', path: '/api/session', response: null } as const satisfies Endpoint;
