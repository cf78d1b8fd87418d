import { backgroundSyncTag } from '../../domain/background-sync';

/**
 * Asks the browser to wake the service worker when signal returns (Background Sync, Chromium
 * only; elsewhere this does nothing and the app syncs when next opened). The tag names the user,
 * whose database the service worker then pushes. Registering the same tag again is harmless.
 */
export function requestBackgroundSync(userId: string): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) =>
      (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(backgroundSyncTag(userId)),
    )
    .catch(() => undefined); // not supported, or not allowed: the app syncs when open
}
