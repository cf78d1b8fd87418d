/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { handleBackgroundSync } from './background-sync';
import { handleShareTarget } from './share-target';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/*
 * Fieldbook's service worker: it makes the app start with no signal.
 *
 * - Precaches the app shell (HTML, JS, CSS, icons, manifest) listed by the build.
 * - Answers every navigation with the cached index.html, so any deep link (/actions/…, the
 *   "Log outcome" shortcut) opens offline; the router takes it from there.
 * - Does NOT cache API responses: data lives in IndexedDB, written by the app's sync, and API
 *   requests are never intercepted (they reach the network or fail, and the app knows which).
 * - Background Sync: pushes the outbox when signal returns even with the app closed
 *   (background-sync.ts).
 * - Share target: keeps photos shared from other apps and opens the share screen (share-target.ts).
 * - Updates wait. A new version installs in the background and activates only when the officer
 *   accepts the "Update available" prompt (the page sends SKIP_WAITING), never on its own:
 *   reloading under someone typing an outcome would lose their work.
 */

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/healthz$/, /^\/readyz$/],
  }),
);

handleBackgroundSync();
handleShareTarget();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// On the very first install there is no old version to protect, so take control of the open
// page at once: it then works offline without a reload.
clientsClaim();
