/**
 * Lets the phone check the officer's password with no signal, to unlock after the idle lock.
 * Made at sign-in (the one moment the password is known) with PBKDF2-SHA-256 at OWASP's
 * 600,000 iterations, and kept beside the session. It proves knowledge of the password without
 * storing it; its cost slows anyone who copies it off a phone and tries to guess.
 */
export interface UnlockVerifier {
  v: 1;
  salt: string;
  iterations: number;
  hash: string;
}

export const UNLOCK_ITERATIONS = 600_000;

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function makeUnlockVerifier(password: string, iterations = UNLOCK_ITERATIONS): Promise<UnlockVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { v: 1, salt: b64(salt), iterations, hash: b64(await derive(password, salt, iterations)) };
}

export async function checkUnlockVerifier(password: string, verifier: UnlockVerifier): Promise<boolean> {
  const actual = await derive(password, unb64(verifier.salt), verifier.iterations);
  const expected = unb64(verifier.hash);
  // Constant-time compare: the loop always runs to the end.
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0;
}
