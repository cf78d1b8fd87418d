import { createHash } from 'node:crypto';
import { looksLikeJpeg, PHOTO_MIME, PHOTOS_PER_OUTCOME_MAX } from '../../domain/photo';
import type { AuthContext } from '../auth/authenticate';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import { isRefusal, outcomeToChange } from '../sync/mutations/outcome-access';
import type { StorageTx } from '../storage/storage';
import type { PhotoRecord } from '../storage/stores/photo-store';

/** A photo as the upload brings it: its id, the outcome it is evidence for, its size in pixels and its bytes. */
export interface PhotoUpload {
  photoId: string;
  outcomeId: string;
  width: number;
  height: number;
  data: Buffer;
}

const conflict = (message: string) => new HttpError(409, 'conflict', message);

/**
 * Attaches a photo to an outcome, which must have reached the server: only its author or a
 * coordinator of its partnership may, and only a JPEG. Idempotent by photo id: the same bytes
 * again (by SHA-256) answer with what is stored (`created: false`); other bytes, or another
 * outcome, under a stored id are a conflict.
 */
export async function uploadPhoto(tx: StorageTx, auth: AuthContext, upload: PhotoUpload, now: Date): Promise<{ created: boolean; photo: PhotoRecord }> {
  const { photoId, data } = upload;
  const outcome = await outcomeToChange(tx, auth, upload.outcomeId);
  if (isRefusal(outcome)) {
    throw outcome.code === 'forbidden'
      ? new HttpError(403, 'forbidden', 'Only the officer who logged an outcome, or a coordinator, can attach photos to it.')
      : new HttpError(404, 'not-found', 'This outcome is not in your partnerships.');
  }
  if (data.length === 0) throw new HttpError(400, 'invalid-request', 'The photo is empty.');
  if (!looksLikeJpeg(data)) throw new HttpError(400, 'invalid-request', 'The photo is not a JPEG image.');
  const sha256 = createHash('sha256').update(data).digest('hex');

  const existing = await tx.photos.find(photoId);
  if (existing) {
    // Before the deleted check: a retried upload whose answer was lost is still done.
    if (existing.outcomeId !== outcome.id || existing.sha256 !== sha256) throw conflict('A different photo is already stored under this id.');
    return { created: false, photo: existing };
  }
  if (outcome.deletedAt !== null) throw conflict('This outcome has been deleted: no photo can be attached to it.');
  if ((await tx.photos.countOfOutcome(outcome.id)) >= PHOTOS_PER_OUTCOME_MAX) {
    throw new HttpError(400, 'invalid-request', `An outcome can have at most ${PHOTOS_PER_OUTCOME_MAX} photos; this one has them all.`);
  }
  const photo: PhotoRecord = {
    id: photoId,
    outcomeId: outcome.id,
    partnershipId: outcome.partnershipId,
    uploadedBy: auth.user.id,
    mime: PHOTO_MIME,
    bytes: data.length,
    width: upload.width,
    height: upload.height,
    sha256,
    uploadedAt: now.toISOString(),
  };
  await tx.photos.insert({ ...photo, data });
  await appendAudit(
    tx,
    {
      partnershipId: outcome.partnershipId,
      actorId: auth.user.id,
      action: 'photo.attached',
      entityType: 'photo',
      entityId: photoId,
      details: { outcomeId: outcome.id, bytes: data.length },
    },
    now,
  );
  return { created: true, photo };
}
