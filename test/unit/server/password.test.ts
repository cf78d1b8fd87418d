import { describe, it, expect } from 'vitest';
import { hashPassword, verifyPassword, ASVS_SCRYPT_COST } from '../../../src/server/auth/password';

// Low cost keeps these fast; the stored string records the cost it was made with.
const FAST = { logN: 12, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the password it hashed', async () => {
    const stored = await hashPassword('correct horse battery staple', FAST);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    const stored = await hashPassword('correct horse battery staple', FAST);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('stores scrypt$logN$r$p$salt$hash with a 16-byte salt and 32-byte key', async () => {
    const stored = await hashPassword('pw', FAST);
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '12', '8', '1']);
    expect(parts).toHaveLength(6);
    expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64url')).toHaveLength(32);
  });

  it('salts each hash, so the same password hashes differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same', FAST), hashPassword('same', FAST)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('normalises Unicode, so composed and decomposed forms match', async () => {
    const stored = await hashPassword('caf\u00e9', FAST);
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', 'bcrypt$12$8$1$abc$def'],
    ['too few parts', 'scrypt$12$8$1$abc'],
    ['too many parts', 'scrypt$12$8$1$abc$def$ghi'],
    ['empty salt and key', 'scrypt$12$8$1$$'],
    ['a cost that is not a number', 'scrypt$abc$8$1$c2FsdA$aGFzaA'],
    ['every field empty', 'scrypt$$$$$'],
  ])('returns false for a malformed stored value (%s)', async (_, stored) => {
    await expect(verifyPassword('pw', stored)).resolves.toBe(false);
  });

  it('verifies with the cost read from the stored string, not the current default', async () => {
    const stored = await hashPassword('pw', { logN: 11, r: 4, p: 2 });
    expect(stored.startsWith('scrypt$11$4$2$')).toBe(true);
    expect(await verifyPassword('pw', stored)).toBe(true);
    // The same salt and key under another cost no longer match.
    expect(await verifyPassword('pw', stored.replace('scrypt$11$', 'scrypt$12$'))).toBe(false);
  });

  it('hashes at the ASVS default cost (N = 2^17) without hitting Node’s memory limit', async () => {
    expect(ASVS_SCRYPT_COST).toEqual({ logN: 17, r: 8, p: 1 });
    const stored = await hashPassword('pw');
    expect(stored.startsWith('scrypt$17$8$1$')).toBe(true);
    expect(await verifyPassword('pw', stored)).toBe(true);
  }, 20_000);
});
