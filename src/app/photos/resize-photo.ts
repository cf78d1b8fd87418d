import { PHOTO_MAX_BYTES, PHOTO_MIME, PHOTO_SOURCE_MAX_BYTES, resizedSize } from '../../domain/photo';

export class PhotoNotUsableError extends Error {
  override name = 'PhotoNotUsableError';
}

export interface ResizedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * Makes a picked or shared photo fit to keep and send: decoded, scaled so its long edge is at
 * most 1600 px, re-encoded as JPEG. Re-encoding also drops the original's EXIF (which can hold
 * the exact place and time a photo was taken). Done on the phone, so an officer's data plan and
 * the server never carry a 12-megapixel original.
 */
export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  if (!file.type.startsWith('image/')) throw new PhotoNotUsableError('That file is not a photo. Choose a JPEG, PNG, HEIC or WebP image.');
  if (file.size > PHOTO_SOURCE_MAX_BYTES) {
    throw new PhotoNotUsableError(
      `That photo is too large (${Math.round(file.size / 1_000_000)} MB). Choose one under ${PHOTO_SOURCE_MAX_BYTES / 1_000_000} MB.`,
    );
  }
  let bitmap: ImageBitmap;
  try {
    // Honour the camera's orientation flag, then forget it: the pixels come out upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (e) {
    throw new PhotoNotUsableError('That file could not be read as a photo.', { cause: e });
  }
  try {
    const { width, height } = resizedSize(bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoNotUsableError('This phone cannot resize photos.');
    context.drawImage(bitmap, 0, 0, width, height);
    for (const quality of [0.85, 0.7, 0.5]) {
      const blob = await canvas.convertToBlob({ type: PHOTO_MIME, quality });
      if (blob.size <= PHOTO_MAX_BYTES) return { blob, width, height };
    }
    throw new PhotoNotUsableError('That photo is still too large after resizing.');
  } finally {
    bitmap.close();
  }
}
