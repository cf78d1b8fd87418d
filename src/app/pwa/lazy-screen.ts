import { lazy, type ComponentType } from 'react';
import { claimReloadForMissingScreen, ScreenNotLoadedError } from './missing-screen';
import { updates } from './update-store';

/**
 * React.lazy for a route's screen, surviving a deployment that removed its file: the first
 * failure reloads into the newest version (see missing-screen.ts); a repeated one throws
 * ScreenNotLoadedError for the screen's error boundary to explain. Never a white screen.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound React.lazy uses.
export function lazyScreen<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(async () => {
    try {
      return await load();
    } catch (error) {
      if (claimReloadForMissingScreen(sessionStorage, Date.now(), navigator.onLine)) {
        updates.reloadIntoNewest();
        // The page is going away; rendering waits for the reload rather than flashing an error.
        return new Promise<never>(() => undefined);
      }
      throw new ScreenNotLoadedError(error);
    }
  });
}
