import { startTransition, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import { FieldbookDb, dbNameForUser } from '../db/fieldbook-db';
import { SessionStore } from '../session/session-store';
import { IdleLock } from '../session/idle-lock';
import { requestPersistentStorage } from '../pwa/storage-persistence';
import { closeOnNewerVersion } from '../db/version-change';
import { outdatedTab } from '../pwa/outdated-tab';
import { requestBackgroundSync } from '../pwa/background-sync';
import { syncLockName } from '../../domain/background-sync';
import { loadDefaultApi, loadSyncModulesInSteps } from './load-sync';
import { DeferredSync } from './deferred-sync';
import { whenIdle } from './when-idle';
import { AppServicesContext, UserServicesContext, type AppServices, type UserServices } from './services-context';

/**
 * The composition root: makes the session once, and for the signed-in user their database and
 * sync engine. Screens never see these directly; they use the hooks in data/, sync/ and session/.
 * The user's database opens at once (the first screen reads it); the sync engine follows once the
 * first screen is up, from its own chunk (see load-sync.ts and deferred-sync.ts).
 */
export function AppServicesProvider({ children, api }: { children: ReactNode; api?: ApiClient }) {
  const app = useMemo<AppServices>(() => {
    const getApi = api ? () => Promise.resolve(api) : loadDefaultApi;
    return { getApi, session: new SessionStore(getApi) };
  }, [api]);
  const session = useSyncExternalStore(app.session.subscribe, app.session.getSnapshot);
  const user = session.status === 'signed-in' ? session.user : null;
  const signInNeeded = session.status === 'signed-in' && session.signInNeeded;
  // Someone still on a temporary password gets no database and no sync until they choose their
  // own (the server would refuse both): the app shows them only the change-password screen.
  const userId = user && !user.mustChangePassword ? user.id : undefined;

  // Keyed by user: after a sign-out or a switch of user, the previous user's parts are never served.
  const [opened, setOpened] = useState<(Omit<UserServices, 'user'> & { userId: string }) | null>(null);
  const parts = opened && opened.userId === userId ? opened : null;
  useEffect(() => {
    if (!userId) {
      void app.session.settlePendingSignOut();
      return;
    }
    let cancelled = false;
    const db = new FieldbookDb(dbNameForUser(userId));
    // Opened now, not on the first screen's first query: the screen renders meanwhile.
    // The mark tells the "cold start" benchmark when the database was ready (bench/browser/cold-start.ts).
    db.open().then(
      () => performance.mark('fb:db'),
      () => undefined,
    );
    const lock = new IdleLock(userId);
    const stopWatchingVersion = closeOnNewerVersion(db, () => outdatedTab.markOutdated());
    const stopWatching = watchActivity(lock);
    const sync = new DeferredSync();
    const lastSyncedAt = db.meta.get('lastSyncedAt').then(
      (m) => (m ? String(m.value) : null),
      () => null,
    );
    void lastSyncedAt.then((at) => sync.knownLastSyncedAt(at));
    // The signed-in app's first render, in slices (as main.tsx renders the app).
    startTransition(() => setOpened({ userId, db, sync, lock }));
    // The engine, the API client and what goes to the network wait until the first screen is up
    // (see DeferredSync): the screen reads only the phone's own database.
    const cancelIdle = whenIdle(() => {
      void requestPersistentStorage();
      // In steps, so that no one task evaluates the whole sync chunk; the API client is made
      // (getApi) once its module has been evaluated by them.
      void loadSyncModulesInSteps().then(async ({ SyncEngine, webLock }) => {
        const [client, at] = await Promise.all([app.getApi(), lastSyncedAt]);
        if (cancelled) return;
        const engine = new SyncEngine({
          db,
          api: client,
          userId,
          onSignInNeeded: () => app.session.markSignInNeeded(),
          isPaused: () => {
            const s = app.session.getSnapshot();
            return s.status !== 'signed-in' || s.signInNeeded;
          },
          withLock: webLock(syncLockName(userId)),
          onWaiting: () => requestBackgroundSync(userId),
          lastSyncedAt: at,
        });
        sync.attach(engine);
        engine.start();
        void app.session.verify();
      });
    });
    return () => {
      cancelled = true;
      cancelIdle();
      sync.dispose();
      stopWatching();
      stopWatchingVersion();
      db.close();
    };
  }, [userId, app]);

  // Signed back in after the session ended: send what queued up meanwhile, and unlock. (Not on
  // start: the engine syncs by itself then.)
  const signInWasNeeded = useRef(false);
  useEffect(() => {
    if (parts && signInWasNeeded.current && !signInNeeded) void parts.sync.syncNow();
    signInWasNeeded.current = signInNeeded;
  }, [parts, signInNeeded]);

  const value = useMemo(() => (parts && user ? { ...parts, user } : null), [parts, user]);
  return (
    <AppServicesContext.Provider value={app}>
      <UserServicesContext.Provider value={value}>{children}</UserServicesContext.Provider>
    </AppServicesContext.Provider>
  );
}

/** Feeds the idle lock: any tap or key counts as activity; checks every 15 s and on return to the app. */
function watchActivity(lock: IdleLock): () => void {
  const touch = () => lock.touch();
  const check = () => lock.check();
  const onVisible = () => document.visibilityState === 'visible' && lock.check();
  document.addEventListener('pointerdown', touch, { passive: true });
  document.addEventListener('keydown', touch, { passive: true });
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(check, 15_000);
  return () => {
    document.removeEventListener('pointerdown', touch);
    document.removeEventListener('keydown', touch);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}
