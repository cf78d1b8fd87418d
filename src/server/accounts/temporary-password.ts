import { randomBytes } from 'node:crypto';
import { passwordProblems } from '../auth/password-policy';

/**
 * RFC 4648's base32 alphabet in lower case: no 0, 1, 8 or 9 to mistake for o, l, b or g, and
 * nothing that needs the shift key on a phone.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A password for a new account, for the coordinator to read out or hand over: 16 random base32
 * characters (80 bits, far beyond online guessing under the sign-in throttle) in groups of four,
 * "k7qp-mx3d-2hbn-wfa5". It opens only the change-password screen (requireAuth), so it is never
 * the password the person keeps. It obeys the policy like any password: one that happened to
 * contain the email's name is drawn again.
 */
export function temporaryPassword(email: string): string {
  for (;;) {
    // 256 is a multiple of 32, so each byte modulo 32 is an unbiased draw.
    const chars = [...randomBytes(GROUPS * GROUP_LENGTH)].map((b) => ALPHABET[b % ALPHABET.length]!);
    const groups = Array.from({ length: GROUPS }, (_, i) => chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''));
    const password = groups.join('-');
    if (passwordProblems(password, { email }).length === 0) return password;
  }
}
