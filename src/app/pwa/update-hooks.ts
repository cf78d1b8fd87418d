import { useSyncExternalStore } from 'react';
import { updates } from './update-store';
import { outdatedTab } from './outdated-tab';

export function useUpdateReady(): { updateReady: boolean; applyUpdate: () => void } {
  const state = useSyncExternalStore(updates.subscribe, updates.getSnapshot);
  return { updateReady: state.updateReady, applyUpdate: () => updates.applyUpdate() };
}

/** True once another tab has moved the database to a newer version: this tab must reload. */
export function useTabOutdated(): boolean {
  return useSyncExternalStore(outdatedTab.subscribe, outdatedTab.getSnapshot);
}
