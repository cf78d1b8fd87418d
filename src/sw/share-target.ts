/// <reference lib="webworker" />
import { registerRoute } from 'workbox-routing';
import { SharedFilesDb, type SharedFile } from '../app/db/shared-files-db';
import { SHARE_SCREEN, SHARE_TARGET, SHARED_FILE_MAX_BYTES, SHARED_FILES_MAX, type ShareProblem } from '../domain/share-target';

/**
 * Web Share Target (manifest `share_target`): the phone's share sheet POSTs the photos here as
 * multipart form data. The service worker keeps them in IndexedDB (the share screen cannot be
 * handed a POST body) and answers with a redirect to the share screen, where the officer picks the
 * outcome. Only images are kept, at most what one outcome can take; anything left out is said on
 * the screen, never dropped silently.
 */
export function handleShareTarget(): void {
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && url.pathname === SHARE_TARGET.action,
    ({ request }) => receive(request),
    'POST',
  );
}

async function receive(request: Request): Promise<Response> {
  const go = (problem?: ShareProblem) => Response.redirect(problem ? `${SHARE_SCREEN}?problem=${problem}` : SHARE_SCREEN, 303);
  let files: File[];
  try {
    const form = await request.formData();
    files = form.getAll(SHARE_TARGET.params.files[0].name).filter((v): v is File => typeof v !== 'string');
  } catch {
    return go('unreadable');
  }
  const photos = files.filter((f) => f.type.startsWith('image/') && f.size > 0 && f.size <= SHARED_FILE_MAX_BYTES).slice(0, SHARED_FILES_MAX);
  if (photos.length === 0) return go('no-photo');
  const receivedAt = new Date().toISOString();
  const rows: SharedFile[] = photos.map((f) => ({ id: crypto.randomUUID(), receivedAt, name: f.name || 'Shared photo', type: f.type, blob: f }));
  const db = new SharedFilesDb();
  try {
    await db.files.bulkAdd(rows);
  } catch {
    return go('not-kept');
  } finally {
    db.close();
  }
  return go(photos.length < files.length ? 'some-left-out' : undefined);
}
