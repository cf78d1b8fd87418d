import type { ApiClient } from '../api/api-client';

/**
 * The API client and sync engine, with the protocol schemas they check against, load in their
 * own chunk just after the first screen paints: nothing on the first screen waits for the
 * network, so nothing on it should wait for network code either. The chunk is precached by the
 * service worker like every other.
 */
export const loadSyncModules = () =>
  Promise.all([import('../api/api-client'), import('../sync/sync-engine'), import('../sync/web-lock')]).then(([api, engine, lock]) => ({
    createApiClient: api.createApiClient,
    SyncEngine: engine.SyncEngine,
    webLock: lock.webLock,
  }));

let defaultApi: Promise<ApiClient> | undefined;
/** The browser's API client (same origin), made once. */
export const loadDefaultApi = (): Promise<ApiClient> => (defaultApi ??= loadSyncModules().then((m) => m.createApiClient({ baseUrl: '' })));
