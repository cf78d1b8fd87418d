import { Id } from '../primitives';
import { PhotoInfo, PhotoList, PhotoUploadQuery } from '../photo';
import type { Endpoint } from './endpoint';

/**
 * Uploads one resized photo, idempotent by its id. The body is not JSON but the JPEG's bytes
 * (PHOTO_MIME), the one exception the server's state-change guard makes.
 */
export const uploadPhoto = {
  method: 'PUT',
  path: '/api/photos/:photoId',
  params: { photoId: Id },
  query: PhotoUploadQuery,
  what: 'query',
  response: PhotoInfo,
} as const satisfies Endpoint;

export const photo = { method: 'GET', path: '/api/photos/:photoId', params: { photoId: Id }, response: 'file' } as const satisfies Endpoint;

export const outcomePhotos = {
  method: 'GET',
  path: '/api/outcomes/:outcomeId/photos',
  params: { outcomeId: Id },
  response: PhotoList,
} as const satisfies Endpoint;
