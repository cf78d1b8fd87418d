/**
 * A lazily loaded screen whose file is gone: after a deployment, an open page may ask for a chunk
 * the new version no longer has (the new service worker removed the old precache when another tab
 * accepted the update, or there was no service worker). The fix is to reload into the new
 * version; drafts are in IndexedDB and come back. A second failure soon after a reload means
 * reloading will not help (offline with no service worker, or a broken deployment): then the
 * screen says so instead of reloading in a loop.
 */
export class ScreenNotLoadedError extends Error {
  override name = 'ScreenNotLoadedError';
  constructor(cause: unknown) {
    super('This part of Fieldbook could not be loaded onto the phone. Connect to the internet and reload; everything you saved is kept.', { cause });
  }
}

/** sessionStorage key: when this tab last reloaded for a missing screen (ms since the epoch). */
export const RELOADED_AT_KEY = 'fieldbook.reloaded-for-missing-screen';

/** Within this long of such a reload, another failure is shown, not reloaded again. */
export const RELOAD_GUARD_MS = 60_000;

/**
 * Decides whether a failed screen load should reload the page, and notes it if so. No reload when
 * offline (the browser would show its own error page) or when this tab already reloaded for a
 * missing screen within RELOAD_GUARD_MS.
 */
export function claimReloadForMissingScreen(storage: Pick<Storage, 'getItem' | 'setItem'>, now: number, online: boolean): boolean {
  if (!online) return false;
  const last = Number(storage.getItem(RELOADED_AT_KEY));
  if (Number.isFinite(last) && last > 0 && now - last < RELOAD_GUARD_MS) return false;
  storage.setItem(RELOADED_AT_KEY, String(now));
  return true;
}
