import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { logOutcome } from '../../src/app/data/log-outcome';
import { attachPhotos } from '../../src/app/data/photos';
import { uploadWaitingPhotos } from '../../src/app/sync/upload-photos';
import { SyncEngine } from '../../src/app/sync/sync-engine';
import { PhotoList } from '../../src/domain/photo';

/**
 * Photos go up on their own, after their outcome, through the app's real sync engine to the real
 * server: resumable (the queue is in IndexedDB), idempotent (keyed by photo id), and a refusal is
 * kept on the phone with its reason.
 */
let server: TestServer;
let phone: TestDevice;
beforeAll(async () => {
  server = await startTestServer();
  phone = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  await phone.sync.syncNow();
});
afterAll(() => server.close());

/** Bytes that start like a JPEG; the rest is noise (the server checks the signature and size, not the picture). */
function jpegBlob(size = 2048, seed = 1): Blob {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 17) % 256;
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return new Blob([bytes], { type: 'image/jpeg' });
}

async function photosOnServer(outcomeId: string) {
  const res = await phone.fetch(`${server.url}/api/outcomes/${outcomeId}/photos`);
  expect(res.status).toBe(200);
  return PhotoList.parse(await res.json()).photos;
}

let day = 0;
async function loggedOutcome() {
  // A different day each time: the duplicate guard is not what these tests are about.
  day += 1;
  const values = await outcomeFor(phone.db, '19', 0, { occurredOn: `2026-0${1 + (day % 9)}-1${day % 10}` });
  return logOutcome(phone.db, phone.user, values, new Date(), { confirmDuplicate: true });
}

describe('photo uploads', () => {
  it('wait for their outcome to reach the server, then upload with it, and show as uploaded', async () => {
    phone.online = false;
    const outcome = await loggedOutcome();
    const [photo] = await attachPhotos(phone.db, outcome.id, [{ blob: jpegBlob(), width: 1600, height: 1200 }]);
    // Offline: nothing moves, and the photo never held up the outcome.
    expect(await uploadWaitingPhotos(phone.db, phone.api)).toEqual({ uploaded: 0, refused: 0 });
    phone.online = true;
    await phone.sync.syncNow();
    expect(await phone.db.photos.get(photo!.id)).toMatchObject({ uploadState: 'uploaded' });
    const stored = await photosOnServer(outcome.id);
    expect(stored).toEqual([expect.objectContaining({ id: photo!.id, outcomeId: outcome.id, width: 1600, height: 1200, bytes: 2048 })]);
    const bytes = await (await phone.fetch(`${server.url}/api/photos/${photo!.id}`)).arrayBuffer();
    expect(new Uint8Array(bytes)).toEqual(new Uint8Array(await jpegBlob().arrayBuffer()));
  });

  it('resume after a restart, and an upload whose answer was lost is recognised, not doubled', async () => {
    const outcome = await loggedOutcome();
    await phone.sync.syncNow();
    const [photo] = await attachPhotos(phone.db, outcome.id, [{ blob: jpegBlob(4096, 2), width: 800, height: 600 }]);
    // The first upload lands but the phone never hears back (the app was killed): still waiting.
    await phone.api.uploadPhoto(photo!.id, outcome.id, photo!.blob, 800, 600);
    expect((await phone.db.photos.get(photo!.id))!.uploadState).toBe('waiting');

    // The app starts again: a new sync engine over the same database finishes the queue.
    const restarted = new SyncEngine({ db: phone.db, api: phone.api, userId: phone.user.id, isOnline: () => true, onSignInNeeded: () => undefined });
    await restarted.syncNow();
    restarted.dispose();
    expect((await phone.db.photos.get(photo!.id))!.uploadState).toBe('uploaded');
    expect((await photosOnServer(outcome.id)).map((p) => p.id)).toEqual([photo!.id]);
  });

  it('a photo the server will never take is kept with the reason, and does not block the others', async () => {
    const outcome = await loggedOutcome();
    await phone.sync.syncNow();
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], { type: 'image/jpeg' });
    const [bad, good] = await attachPhotos(phone.db, outcome.id, [
      { blob: png, width: 10, height: 10 },
      { blob: jpegBlob(1024, 3), width: 10, height: 10 },
    ]);
    await phone.sync.syncNow();
    const refused = await phone.db.photos.get(bad!.id);
    expect(refused).toMatchObject({ uploadState: 'refused' });
    expect(refused!.refusal).toMatch(/JPEG/);
    expect((await phone.db.photos.get(good!.id))!.uploadState).toBe('uploaded');
    expect((await photosOnServer(outcome.id)).map((p) => p.id)).toEqual([good!.id]);
  });
});
