import { describe, expect, it } from 'vitest';
import { temporaryPassword } from '../../../src/server/accounts/temporary-password';
import { passwordProblems } from '../../../src/server/auth/password-policy';

describe('temporaryPassword', () => {
  const email = 'alex.morgan@southandvale.example';
  const many = Array.from({ length: 500 }, () => temporaryPassword(email));

  it('is four groups of four base32 characters, easy to read out and type on a phone', () => {
    for (const p of many) expect(p).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
  });

  it('passes the password policy like any other password', () => {
    for (const p of many) expect(passwordProblems(p, { email })).toEqual([]);
  });

  it('is random: never the same twice here, and every character of the alphabet turns up', () => {
    expect(new Set(many).size).toBe(many.length);
    const seen = new Set(many.join('').replaceAll('-', ''));
    expect([...seen].sort().join('')).toBe('234567abcdefghijklmnopqrstuvwxyz');
  });
});
