import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../domain/user';

/**
 * Rules for a new password (NIST SP 800-63B, ASVS 5.0 V6): length only, no composition rules,
 * and not one of the passwords attackers try first. The list (49,000 common passwords, from
 * zxcvbn) stays on the server: it is never sent to phones.
 */
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common']));

/** Lowercased, with digits and punctuation trimmed from both ends: "Sunshine2024!" → "sunshine". */
const core = (password: string) => password.toLowerCase().replace(/^[\d\W_]+|[\d\W_]+$/gu, '');

export function passwordProblems(password: string, context: { email: string }): string[] {
  const length = [...password].length; // code points, as a person counts characters
  if (length < PASSWORD_MIN) return [`Use at least ${PASSWORD_MIN} characters`];
  if (length > PASSWORD_MAX) return [`Use ${PASSWORD_MAX} characters or fewer`];
  const lower = password.toLowerCase();
  const trimmed = core(password);
  if (commonPasswords().has(lower) || (trimmed.length >= 4 && commonPasswords().has(trimmed))) {
    return ['This password is too common. Try three or four random words together'];
  }
  if (/^(.)\1+$/u.test(password)) return ['Do not repeat one character'];
  const localPart = context.email.split('@')[0]?.toLowerCase() ?? '';
  if ((localPart.length >= 4 && lower.includes(localPart)) || lower.includes('fieldbook')) {
    return ['Do not use your email address or the name of this service in your password'];
  }
  return [];
}
