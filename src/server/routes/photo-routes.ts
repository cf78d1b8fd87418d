import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from '../../domain/zod';
import { Id } from '../../domain/primitives';
import { looksLikeJpeg, PHOTO_MAX_BYTES, PHOTO_MIME, PHOTOS_PER_OUTCOME_MAX, PhotoUploadQuery, type PhotoInfo, type PhotoList } from '../../domain/photo';
import { HttpError } from '../http/http-error';
import { parseOr400 } from '../http/parse';
import { PHOTO_UPLOAD_ROUTE } from '../http/state-change-guard';
import { requireAuth, type AuthContext, type AuthDeps } from '../auth/authenticate';
import { appendAudit } from '../audit/append-audit';
import { isRefusal, outcomeToChange } from '../sync/mutations/outcome-access';
import type { StorageTx } from '../storage/storage';
import type { PhotoRecord } from '../storage/stores/photo-store';
import { hasCoordinatorRights } from '../../domain/roles';

const PhotoParams = z.strictObject({ photoId: Id });
const OutcomeParams = z.strictObject({ outcomeId: Id });

const conflict = (message: string) => new HttpError(409, 'conflict', message);
const photoNotFound = () => new HttpError(404, 'not-found', 'No such photo.');

/**
 * Photos as evidence attached to outcomes (src/domain/photo.ts). Uploaded one by one, after the
 * outcome has reached the server, as the raw JPEG bytes; read back only by the outcome's author
 * and the coordinators of its partnership (a photo is as sensitive as a note: another officer
 * of the partnership sees neither). Anyone else is answered 404, as if there were no photo.
 */
export function photoRoutes(app: FastifyInstance, deps: AuthDeps): void {
  // The JPEG parser exists inside this plugin only: no other route is ever handed a raw body
  // (the state-change guard refuses image/jpeg on every other route before it is read).
  void app.register((scope, _options, registered) => {
    scope.addContentTypeParser(PHOTO_MIME, { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));

    /**
     * Idempotent by photo id: the same bytes again (by SHA-256) answer 200 with what is stored;
     * other bytes, or another outcome, under a stored id are a conflict.
     */
    scope.put(
      PHOTO_UPLOAD_ROUTE,
      { bodyLimit: PHOTO_MAX_BYTES, config: { bodyTooLargeMessage: `The photo is larger than ${PHOTO_MAX_BYTES / 1_000_000} MB.` } },
      async (request, reply) => {
        const auth = await requireAuth(request, deps);
        const { photoId } = parseOr400(PhotoParams, request.params, 'address');
        const query = parseOr400(PhotoUploadQuery, request.query, 'query');
        // Always a Buffer here: the guard lets only image/jpeg through to this route.
        const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const now = deps.now();
        const { created, photo } = await deps.storage.transaction(async (tx) => {
          const outcome = await outcomeToChange(tx, auth, query.outcomeId);
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
            width: query.width,
            height: query.height,
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
        });
        return reply.code(created ? 201 : 200).send(toPhotoInfo(photo));
      },
    );
    registered();
  });

  app.get('/api/photos/:photoId', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { photoId } = parseOr400(PhotoParams, request.params, 'address');
    const { photo, data } = await deps.storage.transaction(async (tx) => {
      const photo = await tx.photos.find(photoId);
      if (!photo || !(await maySeePhotosOf(tx, auth, photo.outcomeId))) throw photoNotFound();
      const data = await tx.photos.readData(photoId);
      if (!data) throw photoNotFound();
      return { photo, data };
    });
    // Sensitive: no cache, shared or private, may keep it (the device keeps its own copy).
    return reply.header('Content-Type', photo.mime).header('Cache-Control', 'private, no-store').send(data);
  });

  app.get('/api/outcomes/:outcomeId/photos', async (request) => {
    const auth = await requireAuth(request, deps);
    const { outcomeId } = parseOr400(OutcomeParams, request.params, 'address');
    const photos = await deps.storage.transaction(async (tx) => {
      if (!(await maySeePhotosOf(tx, auth, outcomeId))) throw new HttpError(404, 'not-found', 'No such outcome.');
      return tx.photos.listOfOutcome(outcomeId);
    });
    const body: PhotoList = { photos: photos.map(toPhotoInfo) };
    return body;
  });
}

/** The outcome's author, or a coordinator of its partnership: who may see its photos (as its notes). */
async function maySeePhotosOf(tx: StorageTx, auth: AuthContext, outcomeId: string): Promise<boolean> {
  const outcome = await tx.outcomes.find(outcomeId);
  const membership = outcome && auth.memberships.find((m) => m.partnershipId === outcome.partnershipId);
  return !!outcome && !!membership && (outcome.authorId === auth.user.id || hasCoordinatorRights(membership.role));
}

function toPhotoInfo(p: PhotoRecord): PhotoInfo {
  return { id: p.id, outcomeId: p.outcomeId, bytes: p.bytes, width: p.width, height: p.height, sha256: p.sha256, uploadedAt: p.uploadedAt };
}
