import { z } from './zod';
import { Id, Int, IsoDateTime } from './primitives';

/**
 * Photos as evidence (a Safe Places sticker in a window, a poster). The phone resizes every
 * photo before keeping it (long edge at most PHOTO_LONG_EDGE, JPEG), stores it as a blob beside
 * the outcome, and uploads it on its own, after the outcome has reached the server: a photo
 * never delays saving or syncing the record it belongs to.
 *
 * Upload: PUT /api/photos/:photoId?outcomeId=…&width=…&height=…, body the JPEG bytes
 * (Content-Type image/jpeg). Idempotent by photo id: the same bytes again are accepted as
 * already stored (200); different bytes under a stored id are a conflict (409).
 */
export const PHOTO_LONG_EDGE = 1600;
/** After resizing; a 1600 px JPEG at quality 0.85 is a few hundred KB. */
export const PHOTO_MAX_BYTES = 3_000_000;
/** A picked file larger than this is refused before decoding it (a phone's memory is small). */
export const PHOTO_SOURCE_MAX_BYTES = 30_000_000;
export const PHOTOS_PER_OUTCOME_MAX = 6;
export const PHOTO_MIME = 'image/jpeg';

export const PhotoUploadQuery = z.strictObject({
  outcomeId: Id,
  width: z.pipe(z.coerce.number(), Int(1, PHOTO_LONG_EDGE)),
  height: z.pipe(z.coerce.number(), Int(1, PHOTO_LONG_EDGE)),
});
export type PhotoUploadQuery = z.infer<typeof PhotoUploadQuery>;

/** What the server says about a stored photo (upload answer, and GET /api/outcomes/:id/photos). */
export const PhotoInfo = z.object({
  id: Id,
  outcomeId: Id,
  bytes: z.int(),
  width: z.int(),
  height: z.int(),
  /** Hex SHA-256 of the bytes: what makes a re-upload recognisable. */
  sha256: z.string(),
  uploadedAt: IsoDateTime,
});
export type PhotoInfo = z.infer<typeof PhotoInfo>;

export const PhotoList = z.object({ photos: z.array(PhotoInfo) });
export type PhotoList = z.infer<typeof PhotoList>;

/** Whether bytes start like a JPEG (FF D8 FF): the server stores nothing else. */
export function looksLikeJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The size a photo is resized to: the long edge at most `longEdge`, never enlarged. */
export function resizedSize(width: number, height: number, longEdge = PHOTO_LONG_EDGE): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
