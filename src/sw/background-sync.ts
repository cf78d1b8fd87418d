/// <reference lib="webworker" />
import { FieldbookDb, dbNameForUser } from '../app/db/fieldbook-db';
import { createApiClient } from '../app/api/api-client';
import { pushOutbox } from '../app/sync/push-outbox';
import { syncLockName, userOfBackgroundSyncTag } from '../domain/background-sync';

declare const self: ServiceWorkerGlobalScope;

/** The Background Sync event (WICG spec, Chromium only), absent from TypeScript's WebWorker lib. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

/**
 * Background Sync (Chromium): the browser wakes the service worker when it believes signal has
 * returned, even with Fieldbook closed. The service worker pushes the user's outbox with the
 * app's own push code, under the same Web Lock the pages use, so never alongside a tab (an open
 * tab that is mid-sync finishes first; the push then finds little or nothing left). A failure
 * rejects, and the browser retries with its own backoff.
 *
 * It never hands the work back to an open page: where the browser thinks it is online but
 * requests fail (a captive portal, one bar of signal), page and worker would otherwise wake each
 * other in a tight loop around the engine's backoff. Pulling is left to the app.
 */
export function handleBackgroundSync(): void {
  self.addEventListener('sync', (event) => {
    const sync = event as SyncEvent;
    const userId = userOfBackgroundSyncTag(sync.tag);
    if (userId === null) return;
    sync.waitUntil(syncUser(userId));
  });
}

async function syncUser(userId: string): Promise<void> {
  const db = new FieldbookDb(dbNameForUser(userId));
  try {
    await navigator.locks.request(syncLockName(userId), () => pushOutbox(db, createApiClient({ baseUrl: '' })));
  } finally {
    db.close();
  }
}
