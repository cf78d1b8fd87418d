import { ApiError } from '../api/api-errors';
import type { ApiClient } from '../api/api-client';
import type { FieldbookDb } from '../db/fieldbook-db';

export interface PhotoUploadSummary {
  uploaded: number;
  refused: number;
}

/**
 * Uploads the photos waiting on this phone, one request each, oldest first, once the server has
 * their outcome (it has a server version). Safe to repeat and to stop at any point: the upload is
 * keyed by the photo's id, so a photo whose answer was lost is simply sent again and recognised,
 * and the queue lives in IndexedDB, so a restart resumes it. A refusal the server will always
 * give (not an image, too large, the outcome gone) marks the photo refused with the reason; a
 * network failure stops the round for the sync engine to retry.
 */
export async function uploadWaitingPhotos(db: FieldbookDb, api: ApiClient): Promise<PhotoUploadSummary> {
  const summary: PhotoUploadSummary = { uploaded: 0, refused: 0 };
  const waiting = (await db.photos.where('uploadState').equals('waiting').toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const photo of waiting) {
    const outcome = await db.outcomes.get(photo.outcomeId);
    // Not on the server yet (or refused there): its photos wait for it.
    if (!outcome || outcome.version === null) continue;
    try {
      await api.uploadPhoto(photo.id, photo.outcomeId, photo.blob, photo.width, photo.height);
      await db.photos.update(photo.id, { uploadState: 'uploaded' });
      summary.uploaded++;
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401 && e.status < 500 && e.status !== 429) {
        await db.photos.update(photo.id, { uploadState: 'refused', refusal: e.message });
        summary.refused++;
        continue;
      }
      throw e;
    }
  }
  return summary;
}
