import { SharedFilesDb, type SharedFile } from '../db/shared-files-db';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive } from '../db/local-records';
import { resizePhoto, type ResizedPhoto } from '../photos/resize-photo';
import { attachPhotos } from './photos';

let shared: SharedFilesDb | undefined;
/** The database the service worker keeps shared photos in (opened on first use, then kept open). */
export const sharedFilesDb = (): SharedFilesDb => (shared ??= new SharedFilesDb());

/** The officer's own outcomes a shared photo can belong to, newest first. */
export async function outcomesToShareTo(db: FieldbookDb, userId: string, limit = 20) {
  const mine = (await db.outcomes.toArray()).filter((o) => o.authorId === userId && isLive(o));
  mine.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const picked = mine.slice(0, limit);
  const actions = new Map((await db.actions.bulkGet(picked.map((o) => o.actionId))).map((a) => [a?.id, a]));
  return picked.map((outcome) => ({ outcome, actionRef: actions.get(outcome.actionId)?.ref ?? null }));
}

export interface AttachSharedResult {
  attached: number;
  /** One line per shared file that could not be used ("IMG_2041.heic: …"); those stay waiting. */
  problems: string[];
}

/**
 * Resizes the shared photos (as if picked on the form) and attaches them to an outcome with the
 * photo code every form uses. Only the files attached leave the shared store: one that could not
 * be used stays, named, for the officer to discard.
 */
export async function attachSharedPhotos(db: FieldbookDb, files: SharedFile[], outcomeId: string): Promise<AttachSharedResult> {
  const resized: { file: SharedFile; photo: ResizedPhoto }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      resized.push({ file, photo: await resizePhoto(file.blob) });
    } catch (e) {
      problems.push(`${file.name}: ${e instanceof Error ? e.message : 'could not be used'}`);
    }
  }
  if (resized.length > 0) {
    await attachPhotos(
      db,
      outcomeId,
      resized.map((r) => r.photo),
    );
    await sharedFilesDb().files.bulkDelete(resized.map((r) => r.file.id));
  }
  return { attached: resized.length, problems };
}

export async function discardSharedPhotos(ids?: string[]): Promise<void> {
  if (ids) await sharedFilesDb().files.bulkDelete(ids);
  else await sharedFilesDb().files.clear();
}
