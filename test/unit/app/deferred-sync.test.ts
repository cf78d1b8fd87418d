import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';
import { createApiClient } from '../../../src/app/api/api-client';
import { SyncEngine } from '../../../src/app/sync/sync-engine';
import { DeferredSync } from '../../../src/app/services/deferred-sync';

/** A real engine on a phone with no signal (port 1 is closed: nothing may reach the network). */
function offlineEngine(onWaiting: () => void = () => undefined) {
  return new SyncEngine({
    db: newTestDb(),
    api: createApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 500 }),
    userId: crypto.randomUUID(),
    isOnline: () => false,
    onSignInNeeded: () => undefined,
    onWaiting,
    lastSyncedAt: '2026-12-01T09:00:00.000Z',
  });
}

describe('the sync engine as screens hold it before it has loaded', () => {
  it('shows what the phone knows, then whatever the engine says', async () => {
    const sync = new DeferredSync(true);
    let heard = 0;
    sync.subscribe(() => heard++);
    expect(sync.getSnapshot()).toMatchObject({ online: true, syncing: false, problem: null, lastSyncedAt: null });
    sync.knownLastSyncedAt('2026-12-01T09:00:00.000Z');
    expect(sync.getSnapshot().lastSyncedAt).toBe('2026-12-01T09:00:00.000Z');

    const engine = offlineEngine();
    sync.attach(engine);
    await engine.syncNow();
    expect(sync.getSnapshot()).toBe(engine.getSnapshot());
    expect(sync.getSnapshot()).toMatchObject({ online: false, problem: { kind: 'offline' }, lastSyncedAt: '2026-12-01T09:00:00.000Z' });
    expect(heard).toBeGreaterThanOrEqual(3);
    sync.dispose();
  });

  it('passes on a save made before the engine arrived, and a sync asked for meanwhile waits for the engine', async () => {
    const sync = new DeferredSync(false);
    let waiting = 0;
    sync.requestSoon();
    let synced = false;
    const asked = sync.syncNow().then(() => (synced = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(synced).toBe(false);

    const engine = offlineEngine(() => waiting++);
    sync.attach(engine);
    // The save's request went on to the engine at once (which asks the browser for Background Sync).
    expect(waiting).toBe(1);
    await asked;
    // The engine ran the sync that was asked for (and found itself offline).
    expect(engine.getSnapshot()).toMatchObject({ problem: { kind: 'offline' } });
    sync.dispose();
  });

  it('never leaves a caller waiting once stopped, and takes no engine after that', async () => {
    const sync = new DeferredSync(true);
    const asked = sync.syncNow();
    sync.dispose();
    await asked;
    const engine = offlineEngine();
    sync.attach(engine);
    expect(sync.getSnapshot()).not.toBe(engine.getSnapshot());
    engine.dispose();
  });
});
