import { useCallback, useSyncExternalStore } from 'react';
import { useAppServices, useOptionalUserServices, useUserServices } from '../services/services-context';
import type { SessionState } from './session-store';
import type { LockState } from './idle-lock';
import { signOutOfDevice, type SignOutResult } from './sign-out';

export function useSession(): SessionState {
  const { session } = useAppServices();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/** Signs in; when it is a sign-in again on an open app, it also lifts the idle lock. */
export function useSignIn(): (email: string, password: string) => Promise<void> {
  const { session } = useAppServices();
  const lock = useOptionalUserServices()?.lock;
  return useCallback(
    async (email: string, password: string) => {
      await session.signIn(email, password);
      lock?.signedIn();
    },
    [session, lock],
  );
}

/** Signs out of this device (see sign-out.ts); resolves with what happened. */
export function useSignOut(): (options: { discardUnsynced: boolean }) => Promise<SignOutResult> {
  const { session } = useAppServices();
  const { db, sync } = useUserServices();
  return useCallback((options: { discardUnsynced: boolean }) => signOutOfDevice({ session, db, sync }, options), [session, db, sync]);
}

/**
 * Signs out of a session that has nothing on this device yet: someone who signed in with a
 * temporary password and has not chosen their own (no database is opened for them until then).
 */
export function useEndSessionBeforeStart(): () => Promise<void> {
  const { session } = useAppServices();
  return useCallback(() => session.endSession(), [session]);
}

export function useIdleLock(): { state: LockState; unlock: (password: string) => Promise<boolean> } {
  const { lock } = useUserServices();
  const state = useSyncExternalStore(lock.subscribe, lock.getSnapshot);
  return { state, unlock: useCallback((password: string) => lock.unlock(password), [lock]) };
}
