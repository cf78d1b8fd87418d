import { describe, expect, it } from 'vitest';
import { IdleLock, IDLE_LOCK_MS, UNLOCK_ATTEMPTS } from '../../../src/app/session/idle-lock';
import { checkUnlockVerifier, makeUnlockVerifier } from '../../../src/app/session/unlock-verifier';
import { DEVICE_KEYS } from '../../../src/app/session/device-keys';
import { memoryStorage } from '../../support/memory-storage';

const USER = 'user-1';
// A low PBKDF2 count keeps the tests fast; the production count is checked once below.
const FAST = 1000;

async function withVerifier(password = 'plum orchard under snow') {
  return memoryStorage({ [DEVICE_KEYS.unlockVerifier(USER)]: JSON.stringify(await makeUnlockVerifier(password, FAST)) });
}

describe('the unlock verifier', () => {
  it('accepts the password it was made from and nothing else', async () => {
    const v = await makeUnlockVerifier('plum orchard under snow', FAST);
    expect(await checkUnlockVerifier('plum orchard under snow', v)).toBe(true);
    expect(await checkUnlockVerifier('plum orchard under snow ', v)).toBe(false);
    expect(await checkUnlockVerifier('', v)).toBe(false);
  });

  it('salts each verifier and uses 600,000 iterations by default', async () => {
    const a = await makeUnlockVerifier('same password here');
    const b = await makeUnlockVerifier('same password here', FAST);
    expect(a.iterations).toBe(600_000);
    expect(a.salt).not.toBe(b.salt);
    expect(await checkUnlockVerifier('same password here', a)).toBe(true);
  });
});

describe('the idle lock', () => {
  it('stays unlocked while the officer is active and locks after the idle time', async () => {
    let now = 1_000_000;
    const lock = new IdleLock(USER, await withVerifier(), () => now);
    now += IDLE_LOCK_MS - 1000;
    lock.touch(true);
    now += IDLE_LOCK_MS - 1000;
    lock.check();
    expect(lock.getSnapshot()).toEqual({ status: 'unlocked' });
    now += 2000;
    lock.check();
    expect(lock.getSnapshot()).toEqual({ status: 'locked', attemptsLeft: UNLOCK_ATTEMPTS });
  });

  it('opens locked when the app was closed for longer than the idle time', async () => {
    const storage = await withVerifier();
    storage.setItem(DEVICE_KEYS.lastActiveAt, String(1_000_000));
    const lock = new IdleLock(USER, storage, () => 1_000_000 + IDLE_LOCK_MS + 1);
    expect(lock.getSnapshot().status).toBe('locked');
  });

  it('unlocks with the password, offline, and counts wrong ones down to a full sign-in', async () => {
    const storage = await withVerifier();
    storage.setItem(DEVICE_KEYS.lastActiveAt, '1');
    const lock = new IdleLock(USER, storage, () => IDLE_LOCK_MS * 10);
    expect(await lock.unlock('wrong')).toBe(false);
    expect(lock.getSnapshot()).toEqual({ status: 'locked', attemptsLeft: UNLOCK_ATTEMPTS - 1 });
    expect(await lock.unlock('plum orchard under snow')).toBe(true);
    expect(lock.getSnapshot()).toEqual({ status: 'unlocked' });

    storage.setItem(DEVICE_KEYS.lastActiveAt, '1');
    const again = new IdleLock(USER, storage, () => IDLE_LOCK_MS * 10);
    for (let i = 0; i < UNLOCK_ATTEMPTS; i++) await again.unlock('wrong');
    expect(again.getSnapshot()).toEqual({ status: 'sign-in-required' });
    expect(await again.unlock('plum orchard under snow')).toBe(false);
    again.signedIn();
    expect(again.getSnapshot()).toEqual({ status: 'unlocked' });
  });

  it('asks for a full sign-in when there is no verifier to check a password against', () => {
    const storage = memoryStorage({ [DEVICE_KEYS.lastActiveAt]: '1' });
    expect(new IdleLock(USER, storage, () => IDLE_LOCK_MS * 10).getSnapshot()).toEqual({ status: 'sign-in-required' });
  });

  it('writes activity to storage at most every 15 seconds', async () => {
    let now = 1_000_000;
    const storage = await withVerifier();
    const lock = new IdleLock(USER, storage, () => now);
    now += 5000;
    lock.touch();
    expect(storage.getItem(DEVICE_KEYS.lastActiveAt)).toBe('1000000');
    now += 15_000;
    lock.touch();
    expect(storage.getItem(DEVICE_KEYS.lastActiveAt)).toBe(String(now));
  });
});
