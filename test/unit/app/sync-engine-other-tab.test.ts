import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';
import { createApiClient } from '../../../src/app/api/api-client';
import { SyncEngine } from '../../../src/app/sync/sync-engine';

describe('a tab whose sync is done by another tab', () => {
  it('stops saying it is offline once signal is back, though it never got the lock', async () => {
    let online = false;
    const engine = new SyncEngine({
      db: newTestDb(),
      // Port 1 is closed: nothing here may reach the network; the other tab does the syncing.
      api: createApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 500 }),
      userId: crypto.randomUUID(),
      isOnline: () => online,
      onSignInNeeded: () => undefined,
      // The Web Lock is held by the other tab: the cycle never runs here.
      withLock: () => Promise.resolve(undefined),
    });
    await engine.syncNow();
    expect(engine.getSnapshot()).toMatchObject({ online: false, problem: { kind: 'offline' } });

    online = true;
    await engine.syncNow();
    expect(engine.getSnapshot()).toMatchObject({ online: true, problem: null, syncing: false });
    engine.dispose();
  });
});
