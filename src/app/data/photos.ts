import { PHOTOS_PER_OUTCOME_MAX } from '../../domain/photo';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalPhoto } from '../db/local-records';
import type { ResizedPhoto } from '../photos/resize-photo';
import { PhotoNotUsableError } from '../photos/resize-photo';

/**
 * Keeps resized photos with their outcome, waiting to upload. A separate transaction from the
 * outcome's own: the record is saved first and never waits for its photos.
 */
export async function attachPhotos(db: FieldbookDb, outcomeId: string, photos: ResizedPhoto[], now = new Date()): Promise<LocalPhoto[]> {
  return db.transaction('rw', db.photos, async () => {
    const already = await db.photos.where('outcomeId').equals(outcomeId).count();
    if (already + photos.length > PHOTOS_PER_OUTCOME_MAX) throw new PhotoNotUsableError(`An outcome can have at most ${PHOTOS_PER_OUTCOME_MAX} photos.`);
    const rows: LocalPhoto[] = photos.map((p) => ({
      id: crypto.randomUUID(),
      outcomeId,
      blob: p.blob,
      bytes: p.blob.size,
      width: p.width,
      height: p.height,
      createdAt: now.toISOString(),
      uploadState: 'waiting',
    }));
    await db.photos.bulkAdd(rows);
    return rows;
  });
}
