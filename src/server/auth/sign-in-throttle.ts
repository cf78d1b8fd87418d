import type { StorageTx } from '../storage/storage';
import type { ThrottleRecord } from '../storage/stores/session-store';

export interface ThrottlePolicy {
  /** Failures within the window that start a block. */
  maxFailures: number;
  windowMs: number;
  blockMs: number;
}

/**
 * Per account: five wrong passwords in 15 minutes block that email for 15 minutes. Counted for
 * any email, existing or not, so the block itself says nothing about who has an account.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
/**
 * Per address: generous, because a whole police station or council office may sit behind one
 * address; it stops one machine guessing across many accounts.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** How long until these keys may try again; 0 if none is blocked. */
export async function blockedForMs(tx: StorageTx, keys: string[], now: Date): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const r = await tx.sessions.findThrottle(key);
    if (r?.blockedUntil) wait = Math.max(wait, Date.parse(r.blockedUntil) - now.getTime());
  }
  return wait;
}

/**
 * Counts a failure. Read and write happen in the caller's transaction, so concurrent failures
 * cannot lose counts on SQLite (one writer); the PostgreSQL backend must lock the row.
 */
export async function recordFailure(tx: StorageTx, key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
  const current = await tx.sessions.findThrottle(key);
  const windowOpen = current && now.getTime() - Date.parse(current.windowStartedAt) < policy.windowMs;
  const failures = windowOpen ? current.failures + 1 : 1;
  const next: ThrottleRecord =
    failures >= policy.maxFailures
      ? { key, failures: 0, windowStartedAt: now.toISOString(), blockedUntil: new Date(now.getTime() + policy.blockMs).toISOString() }
      : { key, failures, windowStartedAt: windowOpen ? current.windowStartedAt : now.toISOString(), blockedUntil: current?.blockedUntil ?? null };
  await tx.sessions.saveThrottle(next);
}
