import { useCallback } from 'react';
import { useUserServices } from '../services/services-context';
import { exportUnsynced } from './export-unsynced';

/**
 * Builds the file of everything waiting to sync (or null when nothing waits). Its own module:
 * the file schema brings zod, which must stay off the first screen (docs/decisions/0006).
 */
export function useExportUnsynced() {
  const { db, user } = useUserServices();
  return useCallback(() => exportUnsynced(db, user), [db, user]);
}
