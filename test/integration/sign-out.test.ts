import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { logOutcome } from '../../src/app/data/log-outcome';
import { signOutOfDevice } from '../../src/app/session/sign-out';
import { SessionStore } from '../../src/app/session/session-store';
import { DEVICE_KEYS } from '../../src/app/session/device-keys';
import { createApiClient } from '../../src/app/api/api-client';
import { databaseNamesBeside } from '../support/fake-db';
import { memoryStorage } from '../support/memory-storage';
import { SharedFilesDb } from '../../src/app/db/shared-files-db';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A device with a real SessionStore signed in over the same cookie jar as its sync engine. */
async function deviceWithSession(): Promise<{ device: TestDevice; session: SessionStore; storage: ReturnType<typeof memoryStorage> }> {
  const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  const storage = memoryStorage();
  const session = new SessionStore(() => Promise.resolve(device.api), storage, 1000);
  await session.signIn(OFFICER.email, OFFICER.password);
  await device.sync.syncNow();
  return { device, session, storage };
}

const databases = (device: TestDevice) => databaseNamesBeside(device.db);

describe('signing out of a device', () => {
  it('sends waiting outcomes first, then leaves nothing of the user on the device', async () => {
    const { device, session, storage } = await deviceWithSession();
    const logged = await logOutcome(device.db, device.user, await outcomeFor(device.db, '22'));
    expect(storage.m.size).toBeGreaterThan(0);
    // A photo shared to Fieldbook and never attached: kept outside the user's database.
    const shared = new SharedFilesDb(device.db._options);
    await shared.files.add({
      id: crypto.randomUUID(),
      receivedAt: new Date().toISOString(),
      name: 'poster.jpg',
      type: 'image/jpeg',
      blob: new Blob(['x'], { type: 'image/jpeg' }),
    });
    shared.close();
    expect(await databases(device)).toContain('fieldbook-shared');

    const result = await signOutOfDevice({ session, db: device.db, sync: device.sync }, { discardUnsynced: false });

    expect(result).toEqual({ status: 'signed-out' });
    const onServer = await server.storage.transaction(async (tx) => (await tx.outcomes.list(device.user.memberships[0]!.partnershipId)).map((o) => o.id));
    expect(onServer).toContain(logged.id);
    expect(await databases(device)).not.toContain(device.db.name);
    expect(await databases(device)).not.toContain('fieldbook-shared');
    expect([...storage.m.keys()]).toEqual([]);
    expect((await device.fetch(`${server.url}/api/session`)).status).toBe(401);
  });

  it('stops and says how many outcomes would be lost when they cannot be sent', async () => {
    const { device, session } = await deviceWithSession();
    device.online = false;
    // Same officer, day, town and type as an earlier test's outcome (on the server): confirmed as another.
    await logOutcome(device.db, device.user, await outcomeFor(device.db, '22'), undefined, { confirmDuplicate: true });
    await logOutcome(device.db, device.user, await outcomeFor(device.db, '19'));

    const result = await signOutOfDevice({ session, db: device.db, sync: device.sync }, { discardUnsynced: false });

    expect(result).toEqual({ status: 'unsynced', waiting: 2 });
    expect(await device.db.outbox.count()).toBe(2);
    expect(session.getSnapshot().status).toBe('signed-in');
  });

  it('deletes them only on an explicit choice, and ends the server session at the next chance', async () => {
    const { device, storage } = await deviceWithSession();
    device.online = false;
    // Same officer, day, town and type as an earlier test's outcome (on the server): confirmed as another.
    await logOutcome(device.db, device.user, await outcomeFor(device.db, '22'), undefined, { confirmDuplicate: true });
    // The same device, its sign-out request failing as with no signal.
    const offlineSession = new SessionStore(() => Promise.resolve(createApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 })), storage, 1000);

    const result = await signOutOfDevice({ session: offlineSession, db: device.db, sync: device.sync }, { discardUnsynced: true });

    expect(result).toEqual({ status: 'signed-out' });
    expect(await databases(device)).not.toContain(device.db.name);
    expect([...storage.m.keys()]).toEqual([DEVICE_KEYS.pendingServerSignOut]);
    expect((await device.fetch(`${server.url}/api/session`)).status).toBe(200);

    const backOnline = new SessionStore(() => Promise.resolve(device.api), storage, 1000);
    await backOnline.settlePendingSignOut();
    expect((await device.fetch(`${server.url}/api/session`)).status).toBe(401);
    expect([...storage.m.keys()]).toEqual([]);
  });
});
