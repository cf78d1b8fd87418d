import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import type { SharedFile } from '../db/shared-files-db';
import { attachSharedPhotos, discardSharedPhotos, outcomesToShareTo, sharedFilesDb } from './shared-photos';

/** Photos shared to Fieldbook and not yet attached, oldest first; undefined while loading. */
export function useSharedPhotos(): SharedFile[] | undefined {
  return useLiveQuery(() => sharedFilesDb().files.orderBy('receivedAt').toArray(), []);
}

/** The officer's outcomes a shared photo can be attached to, newest first. */
export function useOutcomesToShareTo() {
  const { db, user } = useUserServices();
  return useLiveQuery(() => outcomesToShareTo(db, user.id), [db, user.id]);
}

export function useAttachSharedPhotos() {
  const { db, sync } = useUserServices();
  return useCallback(
    async (files: SharedFile[], outcomeId: string) => {
      const result = await attachSharedPhotos(db, files, outcomeId);
      if (result.attached > 0) sync.requestSoon();
      return result;
    },
    [db, sync],
  );
}

export const useDiscardSharedPhotos = () => discardSharedPhotos;
