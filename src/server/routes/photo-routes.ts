import type { FastifyInstance } from 'fastify';
import { PHOTO_MAX_BYTES, PHOTO_MIME, type PhotoInfo, type PhotoList } from '../../domain/photo';
import * as photos from '../../domain/api/photos';
import { HttpError } from '../http/http-error';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthContext, type AuthDeps } from '../auth/authenticate';
import { uploadPhoto } from '../photos/upload-photo';
import type { StorageTx } from '../storage/storage';
import type { PhotoRecord } from '../storage/stores/photo-store';
import { mayReadPrivateFields } from '../../domain/outcome-access';

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

    /** 201 with the photo's description, or 200 with what is stored when the same bytes come again (upload-photo.ts). */
    route(
      scope,
      photos.uploadPhoto,
      { bodyLimit: PHOTO_MAX_BYTES, config: { bodyTooLargeMessage: `The photo is larger than ${PHOTO_MAX_BYTES / 1_000_000} MB.` } },
      async (request, reply, input) => {
        const auth = await requireAuth(request, deps);
        const { photoId } = input.params();
        const query = input.query();
        // Always a Buffer here: the guard lets only image/jpeg through to this route.
        const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { created, photo } = await deps.storage.transaction((tx) =>
          uploadPhoto(tx, auth, { photoId, outcomeId: query.outcomeId, width: query.width, height: query.height, data }, deps.now()),
        );
        return reply.code(created ? 201 : 200).send(toPhotoInfo(photo));
      },
    );
    registered();
  });

  route(app, photos.photo, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { photoId } = input.params();
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

  route(app, photos.outcomePhotos, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { outcomeId } = input.params();
    const photos = await deps.storage.transaction(async (tx) => {
      if (!(await maySeePhotosOf(tx, auth, outcomeId))) throw new HttpError(404, 'not-found', 'No such outcome.');
      return tx.photos.listOfOutcome(outcomeId);
    });
    const body: PhotoList = { photos: photos.map(toPhotoInfo) };
    return body;
  });
}

/** Whether the outcome exists in one of the user's partnerships and they may see its photos, as its notes (src/domain/outcome-access.ts). */
async function maySeePhotosOf(tx: StorageTx, auth: AuthContext, outcomeId: string): Promise<boolean> {
  const outcome = await tx.outcomes.find(outcomeId);
  const member = !!outcome && auth.memberships.some((m) => m.partnershipId === outcome.partnershipId);
  return member && mayReadPrivateFields({ id: auth.user.id, memberships: auth.memberships }, outcome);
}

function toPhotoInfo(p: PhotoRecord): PhotoInfo {
  return { id: p.id, outcomeId: p.outcomeId, bytes: p.bytes, width: p.width, height: p.height, sha256: p.sha256, uploadedAt: p.uploadedAt };
}
