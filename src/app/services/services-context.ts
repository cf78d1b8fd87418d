import { createContext, useContext } from 'react';
import type { SessionUser } from '../../domain/user';
import type { ApiClient } from '../api/api-client';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { SessionStore } from '../session/session-store';
import type { SyncHandle } from './deferred-sync';
import type { IdleLock } from '../session/idle-lock';

/** The app's long-lived parts, made once in AppServices and reached through hooks in data/, sync/ and session/. */
export interface AppServices {
  getApi: () => Promise<ApiClient>;
  session: SessionStore;
}

/** Present while a user is signed in on this device: their own database and its sync engine. */
export interface UserServices {
  user: SessionUser;
  db: FieldbookDb;
  /** The sync engine, or its stand-in until it has loaded (see deferred-sync.ts). */
  sync: SyncHandle;
  lock: IdleLock;
}

export const AppServicesContext = createContext<AppServices | null>(null);
export const UserServicesContext = createContext<UserServices | null>(null);

export function useAppServices(): AppServices {
  const s = useContext(AppServicesContext);
  if (!s) throw new Error('useAppServices must be used inside <AppServicesProvider>');
  return s;
}

export function useUserServices(): UserServices {
  const s = useContext(UserServicesContext);
  if (!s) throw new Error('useUserServices must be used while a user is signed in');
  return s;
}

/** null while nobody is signed in (or the user's database is still being opened). */
export function useOptionalUserServices(): UserServices | null {
  return useContext(UserServicesContext);
}
