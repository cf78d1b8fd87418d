import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  accountKey,
  addressKey,
  blockedForMs,
  recordFailure,
  type ThrottlePolicy,
} from '../../../src/server/auth/sign-in-throttle';
import { openSqliteStorage } from '../../../src/server/storage/sqlite';
import type { KyselyStorage } from '../../../src/server/storage/kysely-storage';

const POLICY: ThrottlePolicy = { maxFailures: 3, windowMs: 60_000, blockMs: 120_000 };
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);

let storage: KyselyStorage;
beforeEach(async () => {
  storage = await openSqliteStorage(':memory:');
});
afterEach(async () => {
  await storage.close();
});

const fail = (key: string, ms: number, policy = POLICY) => storage.transaction((tx) => recordFailure(tx, key, policy, at(ms)));
const blocked = (keys: string[], ms: number) => storage.transaction((tx) => blockedForMs(tx, keys, at(ms)));

describe('sign-in throttle', () => {
  it('does not block below the limit', async () => {
    await fail('k', 0);
    await fail('k', 1_000);
    expect(await blocked(['k'], 2_000)).toBe(0);
  });

  it('blocks for exactly blockMs at the limit', async () => {
    await fail('k', 0);
    await fail('k', 1_000);
    await fail('k', 5_000);
    expect(await blocked(['k'], 5_000)).toBe(120_000);
    expect(await blocked(['k'], 65_000)).toBe(60_000);
  });

  it('reports the longest wait over several keys', async () => {
    for (const ms of [0, 1, 2]) await fail('early', ms);
    for (const ms of [10_000, 10_001, 10_002]) await fail('late', ms);
    expect(await blocked(['early', 'late', 'never'], 20_000)).toBe(110_002);
    expect(await blocked(['never', 'early'], 20_000)).toBe(100_002);
    expect(await blocked(['never'], 20_000)).toBe(0);
  });

  it('restarts the count at 1 when failures fall outside the window', async () => {
    await fail('k', 0);
    await fail('k', 1_000);
    await fail('k', 61_000); // window from 0 has closed: this is failure 1 of a new window
    await fail('k', 62_000);
    expect(await blocked(['k'], 62_000)).toBe(0);
    await fail('k', 63_000);
    expect(await blocked(['k'], 63_000)).toBe(120_000);
  });

  it('counts afresh once the block has passed', async () => {
    for (const ms of [0, 1_000, 2_000]) await fail('k', ms);
    expect(await blocked(['k'], 122_000)).toBe(0);
    await fail('k', 130_000);
    await fail('k', 131_000);
    expect(await blocked(['k'], 131_000)).toBe(0);
    await fail('k', 132_000);
    expect(await blocked(['k'], 132_000)).toBe(120_000);
  });

  it('keeps keys independent', async () => {
    await fail('a', 0);
    await fail('a', 1_000);
    await fail('b', 2_000);
    await fail('b', 3_000);
    expect(await blocked(['a', 'b'], 4_000)).toBe(0);
    await fail('a', 4_000);
    expect(await blocked(['a'], 4_000)).toBe(120_000);
    expect(await blocked(['b'], 4_000)).toBe(0);
  });
});

describe('throttle keys and policies', () => {
  it('normalises the email in an account key', () => {
    expect(accountKey('  Sam@X.org ')).toBe('account:sam@x.org');
  });

  it('uses the address as given in an address key', () => {
    expect(addressKey('1.2.3.4')).toBe('address:1.2.3.4');
  });

  it('blocks an account after 5 failures in 15 minutes, for 15 minutes', () => {
    expect(ACCOUNT_THROTTLE).toEqual({ maxFailures: 5, windowMs: 900_000, blockMs: 900_000 });
  });

  it('blocks an address after 30 failures in 15 minutes, for 15 minutes', () => {
    expect(ADDRESS_THROTTLE).toEqual({ maxFailures: 30, windowMs: 900_000, blockMs: 900_000 });
  });
});
