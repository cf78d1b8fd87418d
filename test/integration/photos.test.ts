import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { addOtherPartnership, addUser } from '../support/seed-extra';
import { demoPartnershipId } from '../support/demo-partnership';
import { logOutcome } from '../../src/app/data/log-outcome';
import { deleteOutcome } from '../../src/app/data/change-outcome';
import { PHOTO_MAX_BYTES, PhotoInfo, PhotoList } from '../../src/domain/photo';
import type { AuditPage } from '../../src/domain/audit';

/**
 * Photos attached to outcomes (PUT /api/photos/:id, GET /api/photos/:id, GET /api/outcomes/:id/photos),
 * against the real server, with outcomes logged and synced by the app first, as a phone does.
 */

/** A real 4×3 JPEG (baseline, quality 75) and a second, different one of the same size. */
const JPEG = b64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDIBCQkJDAsMGA0NGDIhHCEyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMv/AABEIAAMABAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AMGvtTwT/9k=',
);
const OTHER_JPEG = b64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDIBCQkJDAsMGA0NGDIhHCEyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMv/AABEIAAMABAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/ALmk6BpX9nx/6DF+Ve/iMZX9o/eZGT4/E/VI++z/AP/Z',
);
/** The first bytes of a PNG (its signature and the start of IHDR): an image, but not a JPEG. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

function b64(s: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(s, 'base64'));
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let server: TestServer;
let partnershipId: string;
let phone: TestDevice;
let desk: TestDevice;
let colleague: TestDevice;
let outsider: TestDevice;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
  phone = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  await phone.sync.syncNow();
  desk = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
  const other = await addUser(server.storage, partnershipId, 'officer', 'photo-colleague@southandvale.example');
  colleague = await signedInDevice(server.url, other.email, other.password);
  const elsewhere = await addOtherPartnership(server.storage);
  outsider = await signedInDevice(server.url, elsewhere.officer.email, elsewhere.officer.password);
});
afterAll(() => server.close());

/** An outcome logged on the officer's phone and synced: photos are uploaded only after that. */
async function syncedOutcome(): Promise<string> {
  const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'), undefined, { confirmDuplicate: true });
  await phone.sync.syncNow();
  expect(await server.storage.transaction((tx) => tx.outcomes.find(logged.id))).toBeDefined();
  return logged.id;
}

/** Moves the server's clock a second on, so photos uploaded one after another have distinct times. */
function tick() {
  server.clock.now = new Date(server.clock.now.getTime() + 1000);
}

function upload(
  device: TestDevice | typeof fetch,
  photoId: string,
  outcomeId: string,
  body: Uint8Array<ArrayBuffer>,
  { query = { width: '4', height: '3' }, headers = {} }: { query?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const f = typeof device === 'function' ? device : device.fetch;
  const qs = new URLSearchParams({ outcomeId, ...query });
  return f(`${server.url}/api/photos/${photoId}?${qs}`, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg', ...headers } });
}
const getPhoto = (device: TestDevice, photoId: string) => device.fetch(`${server.url}/api/photos/${photoId}`);
const listPhotos = (device: TestDevice, outcomeId: string) => device.fetch(`${server.url}/api/outcomes/${outcomeId}/photos`);
const photosOnServer = (outcomeId: string) => server.storage.transaction((tx) => tx.photos.listOfOutcome(outcomeId));

describe('uploading a photo', () => {
  it('stores it once (201), recognises the same bytes again (200), and refuses other bytes under its id (409)', async () => {
    const outcomeId = await syncedOutcome();
    const photoId = crypto.randomUUID();

    const first = await upload(phone, photoId, outcomeId, JPEG, { query: { width: '1600', height: '1200' } });
    expect(first.status).toBe(201);
    const info = PhotoInfo.parse(await first.json());
    expect(info).toEqual({
      id: photoId,
      outcomeId,
      bytes: JPEG.length,
      width: 1600,
      height: 1200,
      sha256: sha256(JPEG),
      uploadedAt: server.clock.now.toISOString(),
    });

    tick();
    const again = await upload(phone, photoId, outcomeId, JPEG, { query: { width: '1600', height: '1200' } });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(info);

    const otherBytes = await upload(phone, photoId, outcomeId, OTHER_JPEG);
    expect(otherBytes.status).toBe(409);
    expect(await otherBytes.json()).toMatchObject({ error: 'conflict' });
    const otherOutcome = await upload(phone, photoId, await syncedOutcome(), JPEG);
    expect(otherOutcome.status).toBe(409);

    // One photo stored, and one audit entry for it (none for the repeat or the refusals).
    expect(await photosOnServer(outcomeId)).toHaveLength(1);
    const audit = (await (await desk.fetch(`${server.url}/api/partnerships/${partnershipId}/audit`)).json()) as AuditPage;
    const attached = audit.entries.filter((e) => e.action === 'photo.attached');
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({ actorId: phone.user.id, entityType: 'photo', entityId: photoId, details: { outcomeId, bytes: JPEG.length } });
  });

  it('gives the bytes back unchanged to the author and a coordinator, never to be cached, and lists them oldest first', async () => {
    const outcomeId = await syncedOutcome();
    const firstId = crypto.randomUUID();
    const secondId = crypto.randomUUID();
    expect((await upload(phone, firstId, outcomeId, JPEG)).status).toBe(201);
    tick();
    // A coordinator may attach evidence to an officer's outcome too.
    expect((await upload(desk, secondId, outcomeId, OTHER_JPEG)).status).toBe(201);

    for (const device of [phone, desk]) {
      const res = await getPhoto(device, firstId);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(JPEG);
    }
    expect(new Uint8Array(await (await getPhoto(desk, secondId)).arrayBuffer())).toEqual(OTHER_JPEG);

    const listed = await listPhotos(desk, outcomeId);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const { photos } = PhotoList.parse(await listed.json());
    expect(photos.map((p) => [p.id, p.sha256])).toEqual([
      [firstId, sha256(JPEG)],
      [secondId, sha256(OTHER_JPEG)],
    ]);
    expect(PhotoList.parse(await (await listPhotos(phone, outcomeId)).json())).toEqual({ photos });
  });

  it('refuses what is not a JPEG, an empty body, one over the size limit, and a bad query, storing nothing', async () => {
    const outcomeId = await syncedOutcome();

    const png = await upload(phone, crypto.randomUUID(), outcomeId, PNG);
    expect(png.status).toBe(400);
    expect(await png.json()).toMatchObject({ error: 'invalid-request', message: 'The photo is not a JPEG image.' });

    const empty = await upload(phone, crypto.randomUUID(), outcomeId, new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: 'invalid-request', message: 'The photo is empty.' });

    const huge = new Uint8Array(PHOTO_MAX_BYTES + 1);
    huge.set(JPEG);
    const tooBig = await upload(phone, crypto.randomUUID(), outcomeId, huge);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: 'payload-too-large', message: 'The photo is larger than 3 MB.' });
    // Exactly at the limit is accepted.
    const atLimit = await upload(phone, crypto.randomUUID(), outcomeId, huge.subarray(0, PHOTO_MAX_BYTES));
    expect(atLimit.status).toBe(201);
    expect(((await atLimit.json()) as PhotoInfo).bytes).toBe(PHOTO_MAX_BYTES);

    const badQuery = await upload(phone, crypto.randomUUID(), outcomeId, JPEG, { query: { width: '0', height: '3', rotate: '90' } });
    expect(badQuery.status).toBe(400);
    const body = (await badQuery.json()) as { fieldErrors: { path: string }[] };
    expect(body.fieldErrors.map((f) => f.path).sort()).toEqual(['(body)', 'width']);
    const notAnId = await upload(phone, 'photo-1', outcomeId, JPEG);
    expect(notAnId.status).toBe(400);

    expect((await photosOnServer(outcomeId)).map((p) => p.bytes)).toEqual([PHOTO_MAX_BYTES]);
  });

  it('allows six photos per outcome and refuses the seventh; the sixth again is still recognised', async () => {
    const outcomeId = await syncedOutcome();
    const ids = Array.from({ length: 6 }, () => crypto.randomUUID());
    for (const id of ids) {
      tick();
      expect((await upload(phone, id, outcomeId, JPEG)).status).toBe(201);
    }
    const seventh = await upload(phone, crypto.randomUUID(), outcomeId, JPEG);
    expect(seventh.status).toBe(400);
    expect(await seventh.json()).toMatchObject({ error: 'invalid-request', message: expect.stringMatching(/at most 6 photos/) as unknown });
    expect((await upload(phone, ids[5]!, outcomeId, JPEG)).status).toBe(200);
    expect(PhotoList.parse(await (await listPhotos(phone, outcomeId)).json()).photos.map((p) => p.id)).toEqual(ids);
  });

  it('refuses a photo for a deleted outcome (409), yet recognises one stored before the delete', async () => {
    const outcomeId = await syncedOutcome();
    const before = crypto.randomUUID();
    expect((await upload(phone, before, outcomeId, JPEG)).status).toBe(201);
    await deleteOutcome(phone.db, phone.user, outcomeId);
    await phone.sync.syncNow();
    expect((await server.storage.transaction((tx) => tx.outcomes.find(outcomeId)))?.deletedAt).not.toBeNull();

    const after = await upload(phone, crypto.randomUUID(), outcomeId, JPEG);
    expect(after.status).toBe(409);
    expect(await after.json()).toMatchObject({ error: 'conflict', message: expect.stringMatching(/deleted/) as unknown });
    expect((await upload(phone, before, outcomeId, JPEG)).status).toBe(200);
  });
});

describe('who may attach and see photos', () => {
  it('another partnership gets 404 for everything, exactly as for an outcome or photo that does not exist', async () => {
    const outcomeId = await syncedOutcome();
    const photoId = crypto.randomUUID();
    expect((await upload(phone, photoId, outcomeId, JPEG)).status).toBe(201);

    const put = await upload(outsider, crypto.randomUUID(), outcomeId, JPEG);
    const putMissing = await upload(outsider, crypto.randomUUID(), crypto.randomUUID(), JPEG);
    expect(put.status).toBe(404);
    expect(await put.json()).toEqual(await putMissing.json());
    // Even re-sending the stored photo's own id and bytes reveals nothing.
    expect((await upload(outsider, photoId, outcomeId, JPEG)).status).toBe(404);

    const get = await getPhoto(outsider, photoId);
    const getMissing = await getPhoto(outsider, crypto.randomUUID());
    expect(get.status).toBe(404);
    expect(await get.json()).toEqual(await getMissing.json());
    expect((await listPhotos(outsider, outcomeId)).status).toBe(404);
    expect((await listPhotos(phone, crypto.randomUUID())).status).toBe(404);
  });

  it('another officer of the same partnership may not attach (403) and cannot see them (404)', async () => {
    const outcomeId = await syncedOutcome();
    const photoId = crypto.randomUUID();
    expect((await upload(phone, photoId, outcomeId, JPEG)).status).toBe(201);

    const put = await upload(colleague, crypto.randomUUID(), outcomeId, JPEG);
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ error: 'forbidden' });
    expect((await getPhoto(colleague, photoId)).status).toBe(404);
    expect((await listPhotos(colleague, outcomeId)).status).toBe(404);
    expect(await photosOnServer(outcomeId)).toHaveLength(1);
  });

  it('needs a session', async () => {
    const outcomeId = await syncedOutcome();
    expect((await upload(fetch, crypto.randomUUID(), outcomeId, JPEG)).status).toBe(401);
    expect((await fetch(`${server.url}/api/outcomes/${outcomeId}/photos`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/photos/${crypto.randomUUID()}`)).status).toBe(401);
  });
});

describe('cross-site request forgery and content types', () => {
  it('accepts an upload from this origin, refuses one from another site', async () => {
    const outcomeId = await syncedOutcome();
    const sameOrigin = await upload(phone, crypto.randomUUID(), outcomeId, JPEG, { headers: { origin: server.url, 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(201);

    const byOrigin = await upload(phone, crypto.randomUUID(), outcomeId, JPEG, { headers: { origin: 'https://evil.example' } });
    const bySite = await upload(phone, crypto.randomUUID(), outcomeId, JPEG, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(byOrigin.status).toBe(403);
    expect(bySite.status).toBe(403);
    expect(await byOrigin.json()).toMatchObject({ error: 'cross-origin' });
    expect(await photosOnServer(outcomeId)).toHaveLength(1);
  });

  it('takes only image/jpeg on the photo route, and image/jpeg on no other route', async () => {
    const outcomeId = await syncedOutcome();
    for (const contentType of ['text/plain', 'application/json', 'multipart/form-data; boundary=x', 'image/png']) {
      const res = await upload(phone, crypto.randomUUID(), outcomeId, JPEG, { headers: { 'content-type': contentType } });
      expect(res.status, contentType).toBe(415);
      expect(await res.json()).toMatchObject({ error: 'unsupported-media-type' });
    }
    // A parameter on the media type is fine.
    expect((await upload(phone, crypto.randomUUID(), outcomeId, JPEG, { headers: { 'content-type': 'image/jpeg; q=1' } })).status).toBe(201);

    const push = await phone.fetch(`${server.url}/api/sync/push`, { method: 'POST', body: JPEG, headers: { 'content-type': 'image/jpeg' } });
    expect(push.status).toBe(415);
    const password = await phone.fetch(`${server.url}/api/account/password`, { method: 'POST', body: JPEG, headers: { 'content-type': 'image/jpeg' } });
    expect(password.status).toBe(415);
  });
});
