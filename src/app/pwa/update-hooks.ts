import { useEffect, useState, useSyncExternalStore } from 'react';
import { updates } from './update-store';
import { outdatedTab } from './outdated-tab';
import { unsavedInput } from './unsaved-input';

export function useUpdateReady(): { updateReady: boolean; applyUpdate: () => void; unsaved: boolean } {
  const state = useSyncExternalStore(updates.subscribe, updates.getSnapshot);
  const unsaved = useSyncExternalStore(unsavedInput.subscribe, unsavedInput.getSnapshot);
  return { updateReady: state.updateReady, applyUpdate: () => updates.applyUpdate(), unsaved };
}

/** True once another tab has moved the database to a newer version: this tab must reload. */
export function useTabOutdated(): boolean {
  return useSyncExternalStore(outdatedTab.subscribe, outdatedTab.getSnapshot);
}

/**
 * Keeps "Reload to update" back while `unsaved` is true: for input a form holds only in memory
 * (photos picked and not saved, a form that keeps no draft). See unsaved-input.ts.
 */
export function useHoldUpdatesWhile(unsaved: boolean): void {
  useEffect(() => (unsaved ? unsavedInput.hold() : undefined), [unsaved]);
}

/**
 * True once a service worker is active for the app: it activates only after precaching the whole
 * shell, so every screen opens offline from then on. Never true without service workers (dev, tests).
 */
export function useShellOffline(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    if ('serviceWorker' in navigator) void navigator.serviceWorker.ready.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
