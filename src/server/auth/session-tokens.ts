import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: the cookie holds the token, the database only its hash. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 is enough here (unlike for passwords): the token is already 256 random bits, so the
 * hash only has to stop a leaked database from being replayed as live cookies.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
