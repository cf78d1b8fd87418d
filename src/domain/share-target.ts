import { PHOTO_SOURCE_MAX_BYTES, PHOTOS_PER_OUTCOME_MAX } from './photo';

/**
 * Web Share Target: the installed app appears in the phone's share sheet for photos (Android
 * Chromium; iOS has no share target). The manifest entry, the service worker that receives the
 * POST and the screen that follows all read this one definition.
 */
export const SHARE_TARGET = {
  action: '/share-target',
  method: 'POST',
  enctype: 'multipart/form-data',
  params: { files: [{ name: 'photos', accept: ['image/*'] }] },
} as const;

/** Where the service worker sends the officer once the shared files are kept on the phone. */
export const SHARE_SCREEN = '/share';

/** More than one outcome can take is never kept: the rest are named as not kept. */
export const SHARED_FILES_MAX = PHOTOS_PER_OUTCOME_MAX;
export const SHARED_FILE_MAX_BYTES = PHOTO_SOURCE_MAX_BYTES;

/** Why the share screen opened with nothing (or less) to add: ?problem=… */
export const SHARE_PROBLEMS = {
  'no-photo': 'Nothing that was shared is a photo. Share a photo from the camera or the gallery.',
  unreadable: 'The phone could not read what was shared. Try sharing it again.',
  'not-kept': 'The phone could not keep the shared photos (its storage may be full). Free some space and share them again.',
  'some-left-out': `Only photos are kept, at most ${SHARED_FILES_MAX} at a time and ${SHARED_FILE_MAX_BYTES / 1_000_000} MB each: some of what was shared was left out.`,
} as const;
export type ShareProblem = keyof typeof SHARE_PROBLEMS;
