import { useSyncExternalStore } from 'react';
import { useUserServices } from '../services/services-context';
import type { SyncSnapshot } from './sync-status';

export function useSyncStatus(): SyncSnapshot {
  const { sync } = useUserServices();
  return useSyncExternalStore(sync.subscribe, sync.getSnapshot);
}

export function useSyncNow(): () => Promise<void> {
  return useUserServices().sync.syncNow;
}
