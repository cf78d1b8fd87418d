/// <reference lib="webworker" />
/*
 * Fieldbook's kill switch: a service worker that removes itself, for a bad release. Never part of
 * the normal build; scripts/kill-switch.ts turns this file into a plain sw.js that is deployed in
 * place of the bad release's (docs/pwa-kill-switch.md). Every installed phone fetches it at its
 * next update check (app start, return to the foreground, hourly) and it:
 *
 * 1. activates at once (no waiting for the officer: the release it replaces is the problem);
 * 2. deletes Fieldbook's Cache Storage caches (the precached shell: the bad release's files);
 * 3. unregisters itself, so pages load straight from the server again;
 * 4. reloads, once, the pages the bad release was controlling. Pages loaded afterwards are not
 *    controlled by it (they register /sw.js again and get this file, which then finds no pages to
 *    reload), so it can never reload in a loop.
 *
 * It NEVER touches IndexedDB: officers' unsynced outcomes, photos and drafts live there, and the
 * next good release syncs them as usual. (Nor is a Clear-Site-Data header an option: it would
 * delete them too.) No imports, so the deployed file is self-contained whatever the build was.
 */
const worker = self as unknown as ServiceWorkerGlobalScope;

worker.addEventListener('install', () => {
  void worker.skipWaiting();
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.map((name) => caches.delete(name)));
      // Only controlled pages are listed: those the bad release was running.
      const pages = await worker.clients.matchAll({ type: 'window' });
      await worker.registration.unregister();
      await Promise.all(pages.map((page) => page.navigate(page.url).catch(() => null)));
    })(),
  );
});
