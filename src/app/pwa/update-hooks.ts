import { useSyncExternalStore } from 'react';
import { updates } from './update-store';

export function useUpdateReady(): { updateReady: boolean; applyUpdate: () => void } {
  const state = useSyncExternalStore(updates.subscribe, updates.getSnapshot);
  return { updateReady: state.updateReady, applyUpdate: () => updates.applyUpdate() };
}
