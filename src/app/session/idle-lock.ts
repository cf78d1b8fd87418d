import type { UnlockVerifier } from './unlock-verifier';
import { loadUnlockVerifier } from './load-unlock-verifier';
import { DEVICE_KEYS, type KeyValueStorage } from './device-keys';

/** After this long untouched, the app locks and asks for the password again. */
export const IDLE_LOCK_MS = 15 * 60_000;
/** Wrong passwords at the lock before it insists on a full sign-in (which needs signal). */
export const UNLOCK_ATTEMPTS = 5;
const ACTIVITY_WRITE_EVERY_MS = 15_000;

export type LockState =
  | { status: 'unlocked' }
  /** Enter the password to carry on; works offline. */
  | { status: 'locked'; attemptsLeft: number }
  /** Too many wrong passwords, or no way to check one offline: sign in again online. Data stays. */
  | { status: 'sign-in-required' };

/**
 * The idle lock. A phone left on a desk or lost in a town centre should not show abuse and
 * exploitation records to whoever picks it up: after IDLE_LOCK_MS without a touch (counted across
 * app restarts), the app covers itself and asks for the password. Nothing is closed or deleted;
 * a half-written outcome is still there after unlocking.
 */
export class IdleLock {
  private state: LockState = { status: 'unlocked' };
  private readonly listeners = new Set<() => void>();
  private lastWrite = 0;

  constructor(
    private readonly userId: string,
    private readonly storage: KeyValueStorage = globalThis.localStorage,
    private readonly now: () => number = Date.now,
    private readonly idleMs = IDLE_LOCK_MS,
  ) {
    const last = Number(this.storage.getItem(DEVICE_KEYS.lastActiveAt) ?? 0);
    if (last > 0 && this.now() - last > this.idleMs) this.lock();
    else this.touch(true);
  }

  getSnapshot = (): LockState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The officer did something; cheap enough to call on every tap and key. */
  touch(force = false): void {
    if (this.state.status !== 'unlocked') return;
    const t = this.now();
    if (force || t - this.lastWrite >= ACTIVITY_WRITE_EVERY_MS) {
      this.lastWrite = t;
      this.storage.setItem(DEVICE_KEYS.lastActiveAt, String(t));
    }
  }

  /** A full sign-in (online) has just succeeded: it also unlocks. */
  signedIn(): void {
    this.set({ status: 'unlocked' });
    this.touch(true);
  }

  /** Locks if the officer has been away too long. Called on a timer and when the app comes back. */
  check(): void {
    if (this.state.status !== 'unlocked') return;
    const last = Number(this.storage.getItem(DEVICE_KEYS.lastActiveAt) ?? this.now());
    if (this.now() - last > this.idleMs) this.lock();
  }

  async unlock(password: string): Promise<boolean> {
    if (this.state.status !== 'locked') return this.state.status === 'unlocked';
    const verifier = this.verifier();
    if (verifier && (await (await loadUnlockVerifier()).checkUnlockVerifier(password, verifier))) {
      this.set({ status: 'unlocked' });
      this.touch(true);
      return true;
    }
    const attemptsLeft = this.state.attemptsLeft - 1;
    this.set(attemptsLeft > 0 ? { status: 'locked', attemptsLeft } : { status: 'sign-in-required' });
    return false;
  }

  private lock(): void {
    this.set(this.verifier() ? { status: 'locked', attemptsLeft: UNLOCK_ATTEMPTS } : { status: 'sign-in-required' });
  }

  private verifier(): UnlockVerifier | undefined {
    try {
      const v = JSON.parse(this.storage.getItem(DEVICE_KEYS.unlockVerifier(this.userId)) ?? 'null') as UnlockVerifier | null;
      return v?.v === 1 ? v : undefined;
    } catch {
      return undefined;
    }
  }

  private set(next: LockState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }
}
