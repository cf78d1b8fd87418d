import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Semaphore } from './semaphore';

/**
 * Password hashing with scrypt at OWASP ASVS strength (N = 2^17, r = 8, p = 1).
 * Stored as "scrypt$logN$r$p$salt$hash" so the cost can rise later and old hashes still verify.
 *
 * Each hash needs 128 MiB and ~0.7 s on libuv's thread pool (4 threads by default), so hashing
 * is bounded to two at a time: a burst of sign-ins then queues instead of starving the file and
 * crypto work every other request needs.
 */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

export const ASVS_SCRYPT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const hashing = new Semaphore(2);

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // Node refuses anything above 32 MiB unless maxmem is raised; scrypt needs 128 * N * r bytes.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r + 16 * 1024 * 1024 };
  return hashing.run(
    () =>
      new Promise<Buffer>((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

export async function hashPassword(password: string, cost: ScryptCost = ASVS_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Costs a stored hash may claim: anything else is corruption, never a reason to run scrypt. */
const inRange = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;

/** false for a wrong password and for a stored value that is not a hash this code made. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const cost = { logN: Number(logN), r: Number(r), p: Number(p) };
  const expected = Buffer.from(key, 'base64url');
  const saltBytes = Buffer.from(salt, 'base64url');
  if (!inRange(cost.logN, 10, 22) || !inRange(cost.r, 1, 32) || !inRange(cost.p, 1, 16) || saltBytes.length === 0 || expected.length === 0) return false;
  const actual = await derive(password, saltBytes, cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
