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

/** Resolves in a task of its own: what follows is not evaluated in the task before. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The same modules, evaluated a piece per task: zod with the shared primitives, then the
 * outcome schemas, then the API client with the other protocol schemas, then the engine.
 * Importing them at once evaluated the whole graph in one task, the longest after the first
 * screen (the "Lighthouse" benchmark counts every task over 50 ms on a phone's CPU; decision 32). For start-up at
 * idle only: a sign-in or "sync now" that needs them sooner imports them at once as before (a
 * module evaluates once, whichever import comes first).
 */
export async function loadSyncModulesInSteps(): ReturnType<typeof loadSyncModules> {
  for (const step of [() => import('../../domain/primitives'), () => import('../../domain/outcome'), () => import('../api/api-client')]) {
    await step();
    await nextTask();
  }
  return loadSyncModules();
}

let defaultApi: Promise<ApiClient> | undefined;
/** The browser's API client (same origin), made once. */
export const loadDefaultApi = (): Promise<ApiClient> => (defaultApi ??= loadSyncModules().then((m) => m.createApiClient({ baseUrl: '' })));
