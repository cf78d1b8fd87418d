import { createApiClient, type ApiClient } from '../../src/app/api/api-client';
import type { FieldbookDb } from '../../src/app/db/fieldbook-db';
import { SyncEngine } from '../../src/app/sync/sync-engine';
import type { SessionUser } from '../../src/domain/user';
import { cookieFetch } from './cookie-fetch';
import { newTestDb } from './fake-db';

/** A phone as the integration tests drive it: the app's real API client, database and sync engine. */
export interface TestDevice {
  api: ApiClient;
  db: FieldbookDb;
  sync: SyncEngine;
  fetch: ReturnType<typeof cookieFetch>;
  user: SessionUser;
  signInNeeded: boolean;
  online: boolean;
}

export async function signedInDevice(serverUrl: string, email: string, password: string): Promise<TestDevice> {
  const fetch = cookieFetch();
  const api = createApiClient({ baseUrl: serverUrl, fetch });
  const user = await api.signIn({ email, password });
  const db = newTestDb();
  const device = { api, db, fetch, user, signInNeeded: false, online: true } as TestDevice;
  device.sync = new SyncEngine({
    db,
    api,
    userId: user.id,
    isOnline: () => device.online,
    onSignInNeeded: () => {
      device.signInNeeded = true;
    },
  });
  return device;
}
