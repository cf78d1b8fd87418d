/// <reference lib="webworker" />
import { FieldbookDb, dbNameForUser } from '../app/db/fieldbook-db';
import { createApiClient } from '../app/api/api-client';
import { pushOutbox } from '../app/sync/push-outbox';

declare const self: ServiceWorkerGlobalScope;

/** The Background Sync event (WICG spec, Chromium only), absent from TypeScript's WebWorker lib. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

/** The tag a page registers after queuing work: one per user, since each has their own database. */
export const SYNC_TAG_PREFIX = 'fieldbook-outbox:';

/**
 * Background Sync (Chromium): the browser wakes the service worker when signal returns, even with
 * Fieldbook closed. If a page is open, it syncs itself (its engine holds the sync lock), so it is
 * just asked to. Otherwise the service worker pushes the user's outbox with the app's own push
 * code, under the same Web Lock the pages use, so it never pushes alongside a tab. A failure
 * rejects, and the browser retries later with its own backoff. Pulling is left to the app.
 */
export function handleBackgroundSync(): void {
  self.addEventListener('sync', (event) => {
    const sync = event as SyncEvent;
    if (!sync.tag.startsWith(SYNC_TAG_PREFIX)) return;
    sync.waitUntil(syncUser(sync.tag.slice(SYNC_TAG_PREFIX.length)));
  });
}

async function syncUser(userId: string): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window' });
  if (pages.length > 0) {
    for (const page of pages) page.postMessage({ type: 'sync-now' });
    return;
  }
  const db = new FieldbookDb(dbNameForUser(userId));
  try {
    await navigator.locks.request(`fieldbook-sync-${userId}`, () => pushOutbox(db, createApiClient({ baseUrl: '' })));
  } finally {
    db.close();
  }
}
