import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { attachPhotos } from './photos';
import type { ResizedPhoto } from '../photos/resize-photo';

/** The photos kept on this phone for some outcomes, by outcome, live (upload states change as sync runs). */
export function usePhotosOf(outcomeIds: string[]) {
  const { db } = useUserServices();
  const key = outcomeIds.join(',');
  return useLiveQuery(async () => {
    const photos = await db.photos.where('outcomeId').anyOf(key ? key.split(',') : []).toArray();
    const by = new Map<string, typeof photos>();
    for (const p of photos.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      const list = by.get(p.outcomeId);
      if (list) list.push(p);
      else by.set(p.outcomeId, [p]);
    }
    return by;
  }, [db, key]);
}

/** Attaches photos to an outcome, then asks sync to run soon so they upload. */
export function useAttachPhotos() {
  const { db, sync } = useUserServices();
  return useCallback(
    async (outcomeId: string, photos: ResizedPhoto[]) => {
      if (photos.length === 0) return;
      await attachPhotos(db, outcomeId, photos);
      sync.requestSoon();
    },
    [db, sync],
  );
}
