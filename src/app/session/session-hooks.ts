import { useSyncExternalStore } from 'react';
import { useAppServices } from '../services/services-context';
import type { SessionState } from './session-store';

export function useSession(): SessionState {
  const { session } = useAppServices();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

export function useSessionActions() {
  const { session } = useAppServices();
  return {
    signIn: (email: string, password: string) => session.signIn(email, password),
    signOut: () => session.signOut(),
  };
}
