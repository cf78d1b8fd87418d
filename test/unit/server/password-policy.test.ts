import { describe, it, expect } from 'vitest';
import { DEMO_USERS } from '../../../src/server/seed/demo-seed';
import { passwordProblems } from '../../../src/server/auth/password-policy';

const TOO_SHORT = 'Use at least 12 characters';
const TOO_LONG = 'Use 128 characters or fewer';
const TOO_COMMON = 'This password is too common. Try three or four random words together';
const REPEATED = 'Do not repeat one character';
const PERSONAL = 'Do not use your email address or the name of this service in your password';

const check = (password: string, email = 'someone@example.org') => passwordProblems(password, { email });

/** Varied text (not one repeated character, not a common password) of exactly n code points. */
const varied = (n: number) => 'the quick brown fox jumps over a lazy dog while violet kettles sing '.repeat(3).slice(0, n);

describe('passwordProblems: length', () => {
  it('refuses 11 characters and accepts 12 or 13', () => {
    expect(check('violet kett')).toEqual([TOO_SHORT]);
    expect(check('violet kettl')).toEqual([]);
    expect(check('violet kettle')).toEqual([]);
  });

  it('counts Unicode code points, not UTF-16 units', () => {
    const emoji = [...'😀😁😂🤣😃😄😅😆😉😊😋😎'];
    expect(emoji).toHaveLength(12);
    expect(emoji.join('').length).toBe(24);
    expect(check(emoji.join(''))).toEqual([]);
    expect(check(emoji.slice(0, 11).join(''))).toEqual([TOO_SHORT]);
  });

  it('refuses 129 characters and accepts 128', () => {
    expect(varied(128)).toHaveLength(128);
    expect(check(varied(128))).toEqual([]);
    expect(check(varied(129))).toEqual([TOO_LONG]);
  });
});

describe('passwordProblems: common passwords', () => {
  it.each(['qwerty123456', '1qaz2wsx3edc', 'QWERTY123456'])('refuses the list entry %s', (pw) => {
    expect(check(pw)).toEqual([TOO_COMMON]);
  });

  it.each(['Password2024!', 'sunshine123456', '!!!liverpool2023'])('refuses the decorated common word %s', (pw) => {
    expect(check(pw)).toEqual([TOO_COMMON]);
  });

  it('refuses one character repeated', () => {
    expect(check('aaaaaaaaaaaaaa')).toEqual([REPEATED]);
  });
});

describe('passwordProblems: personal and service words', () => {
  it('refuses a password containing the email local part', () => {
    expect(check('my sam.patel password', 'sam.patel@x.org')).toEqual([PERSONAL]);
    expect(check('MY SAM.PATEL PASSWORD', 'Sam.Patel@x.org')).toEqual([PERSONAL]);
  });

  it('refuses a password containing "fieldbook" in any case', () => {
    expect(check('my FieldBook passphrase')).toEqual([PERSONAL]);
    expect(check('myfieldbookpassphrase')).toEqual([PERSONAL]);
  });

  it('ignores a local part shorter than 4 characters', () => {
    expect(check('jo likes long walks', 'jo@x.org')).toEqual([]);
  });
});

describe('passwordProblems: good passwords', () => {
  it('accepts a long random passphrase', () => {
    expect(check('correct horse battery staple')).toEqual([]);
  });

  it.each(Object.values(DEMO_USERS))('accepts the demo password of $email with its own email', (u) => {
    expect(passwordProblems(u.password, { email: u.email })).toEqual([]);
  });
});
