import type { SessionUser } from '../../domain/user';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-errors';

export type SessionState =
  | { status: 'signed-out' }
  /**
   * signInNeeded: the server no longer accepts this session (expired, signed out elsewhere). The
   * officer keeps working offline-style on this phone; sync waits until they sign in again.
   */
  | { status: 'signed-in'; user: SessionUser; signInNeeded: boolean };

/**
 * Bump the suffix whenever SessionUser changes shape: a value under an old key is then ignored
 * (the officer signs in again; their database and queue are untouched).
 */
const USER_KEY = 'fieldbook.user.v1';

/**
 * Who is using the app on this device. The last signed-in user is remembered (name, email,
 * partnerships: no secrets; the session itself is an HttpOnly cookie) so the app opens offline
 * straight onto their plan and queue, and checks with the server when it can.
 *
 * The remembered user is only ever written here, from a SessionUser the API client has already
 * checked against the shared schema; reading it back does not run zod again, which keeps zod off
 * the first screen's critical path. verify() replaces it with the server's current answer.
 */
export class SessionStore {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly api: () => Promise<ApiClient>,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = globalThis.localStorage,
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
      this.set({ status: 'signed-in', user, signInNeeded: false });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.markSignInNeeded();
    }
  }

  /** Throws ApiError (wrong credentials) or NetworkError for the sign-in screen to show. */
  async signIn(email: string, password: string): Promise<void> {
    const user = await (await this.api()).signIn({ email, password });
    this.set({ status: 'signed-in', user, signInNeeded: false });
  }

  /**
   * Ends the session on the server and forgets who was signed in on this device. The user's
   * database, with anything not yet synced, stays: it syncs when they next sign in here.
   */
  async signOut(): Promise<void> {
    await (await this.api()).signOut();
    this.set({ status: 'signed-out' });
  }

  markSignInNeeded(): void {
    if (this.state.status === 'signed-in' && !this.state.signInNeeded) this.set({ ...this.state, signInNeeded: true });
  }

  private set(next: SessionState): void {
    this.state = next;
    if (next.status === 'signed-in') this.storage.setItem(USER_KEY, JSON.stringify(next.user));
    else this.storage.removeItem(USER_KEY);
    for (const l of this.listeners) l();
  }

  private readRemembered(): SessionUser | undefined {
    try {
      const value = JSON.parse(this.storage.getItem(USER_KEY) ?? 'null') as SessionUser | null;
      // Our own write under a versioned key; this guards only against a hand-edited value.
      return value && typeof value.id === 'string' && Array.isArray(value.memberships) ? value : undefined;
    } catch {
      return undefined;
    }
  }
}
