import type { SessionUser } from '../../domain/user';
import type { ApiClient } from '../api/api-client';
import { ApiError, NetworkError } from '../api/api-errors';
import { DEVICE_KEYS, type KeyValueStorage } from './device-keys';
import { loadUnlockVerifier } from './load-unlock-verifier';

export type SessionState =
  | { status: 'signed-out' }
  /**
   * signInNeeded: the server no longer accepts this session (expired, signed out elsewhere). The
   * officer keeps working offline-style on this phone; sync waits until they sign in again.
   */
  | { status: 'signed-in'; user: SessionUser; signInNeeded: boolean };

/**
 * Who is using the app on this device. The last signed-in user is remembered (name, email,
 * partnerships: no secrets; the session itself is an HttpOnly cookie) so the app opens offline
 * straight onto their plan and queue, and checks with the server when it can.
 *
 * The remembered user is only ever written here, from a SessionUser the API client has already
 * checked against the shared schema; reading it back does not run zod again, which keeps zod off
 * the first screen's critical path. The key carries a version: bump it whenever SessionUser
 * changes shape, and a value under an old key is ignored (the officer signs in again).
 */
export class SessionStore {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly api: () => Promise<ApiClient>,
    private readonly storage: KeyValueStorage = globalThis.localStorage,
    private readonly verifierIterations?: number,
  ) {
    const remembered = this.readRemembered();
    this.state = remembered ? { status: 'signed-in', user: remembered, signInNeeded: false } : { status: 'signed-out' };
  }

  getSnapshot = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Asks the server whether the remembered session still stands. Offline, nothing changes. */
  async verify(): Promise<void> {
    if (this.state.status !== 'signed-in') return;
    try {
      const user = await (await this.api()).getSession();
      // Unchanged (the usual answer at every start): no new state, so no re-render of every
      // screen under the session in one uninterruptible task (the "Lighthouse" benchmark).
      const now = this.state;
      if (now.status === 'signed-in' && !now.signInNeeded && JSON.stringify(now.user) === JSON.stringify(user)) return;
      this.set({ status: 'signed-in', user, signInNeeded: false });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.markSignInNeeded();
    }
  }

  /**
   * Throws ApiError (wrong credentials, throttled) or NetworkError for the sign-in screen to show.
   * Also makes the verifier the idle lock checks offline: the one moment the password is known.
   */
  async signIn(email: string, password: string): Promise<void> {
    const user = await (await this.api()).signIn({ email, password });
    const verifier = await (await loadUnlockVerifier()).makeUnlockVerifier(password, this.verifierIterations);
    this.storage.setItem(DEVICE_KEYS.unlockVerifier(user.id), JSON.stringify(verifier));
    // This sign-in replaced (and the server ended) whatever session the browser held before.
    this.storage.removeItem(DEVICE_KEYS.pendingServerSignOut);
    this.set({ status: 'signed-in', user, signInNeeded: false });
  }

  /**
   * Changes the password on the server (throws ApiError or NetworkError for the screen to show),
   * then makes the idle lock's verifier from the new one: the old password, perhaps a temporary
   * one a coordinator knows, must not unlock this phone any more. A temporary password's flag
   * clears here too, so the app opens as soon as the server has the new password.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await (await this.api()).changePassword({ currentPassword, newPassword });
    if (this.state.status !== 'signed-in') return;
    const verifier = await (await loadUnlockVerifier()).makeUnlockVerifier(newPassword, this.verifierIterations);
    this.storage.setItem(DEVICE_KEYS.unlockVerifier(this.state.user.id), JSON.stringify(verifier));
    if (this.state.user.mustChangePassword) this.set({ ...this.state, user: { ...this.state.user, mustChangePassword: false } });
  }

  /**
   * Ends the session on the server and removes everything of this user's from localStorage.
   * (Their database is deleted by signOutOfDevice, which calls this last.) With no signal the
   * server session cannot be ended now: that is remembered and done at the next chance, and a
   * new sign-in on this browser ends it anyway.
   */
  async endSession(): Promise<void> {
    const userId = this.state.status === 'signed-in' ? this.state.user.id : undefined;
    try {
      await (await this.api()).signOut();
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      this.storage.setItem(DEVICE_KEYS.pendingServerSignOut, '1');
    }
    if (userId) this.storage.removeItem(DEVICE_KEYS.unlockVerifier(userId));
    this.storage.removeItem(DEVICE_KEYS.lastActiveAt);
    this.set({ status: 'signed-out' });
  }

  /** Finishes a sign-out that happened with no signal. */
  async settlePendingSignOut(): Promise<void> {
    if (this.state.status !== 'signed-out' || !this.storage.getItem(DEVICE_KEYS.pendingServerSignOut)) return;
    try {
      await (await this.api()).signOut();
      this.storage.removeItem(DEVICE_KEYS.pendingServerSignOut);
    } catch {
      // Still no signal: try again next time.
    }
  }

  markSignInNeeded(): void {
    if (this.state.status === 'signed-in' && !this.state.signInNeeded) this.set({ ...this.state, signInNeeded: true });
  }

  private set(next: SessionState): void {
    this.state = next;
    if (next.status === 'signed-in') this.storage.setItem(DEVICE_KEYS.user, JSON.stringify(next.user));
    else this.storage.removeItem(DEVICE_KEYS.user);
    for (const l of this.listeners) l();
  }

  private readRemembered(): SessionUser | undefined {
    try {
      const value = JSON.parse(this.storage.getItem(DEVICE_KEYS.user) ?? 'null') as SessionUser | null;
      // Our own write under a versioned key; this guards only against a hand-edited value.
      return value && typeof value.id === 'string' && Array.isArray(value.memberships) ? value : undefined;
    } catch {
      return undefined;
    }
  }
}
