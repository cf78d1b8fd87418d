/**
 * Asks the browser to wake the service worker when signal returns (Background Sync, Chromium
 * only; elsewhere this does nothing and the app syncs when next opened). The tag names the user,
 * whose database the service worker then pushes. Registering the same tag again is harmless.
 */
export function requestBackgroundSync(userId: string): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(`fieldbook-outbox:${userId}`))
    .catch(() => undefined); // not supported, or not allowed: the app syncs when open
}

/** The service worker asks an open page to sync rather than pushing beside it. */
export function onServiceWorkerSyncRequest(run: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const listener = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'sync-now') run();
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
