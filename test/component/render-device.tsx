import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppServicesContext, UserServicesContext } from '../../src/app/services/services-context';
import { SessionStore } from '../../src/app/session/session-store';
import { IdleLock } from '../../src/app/session/idle-lock';
import { createApiClient } from '../../src/app/api/api-client';
import { SyncEngine } from '../../src/app/sync/sync-engine';
import { applyPullPage } from '../../src/app/sync/pull-changes';
import type { SessionUser } from '../../src/domain/user';
import { newTestDb } from '../support/fake-db';
import type { FieldbookDb } from '../../src/app/db/fieldbook-db';
import { southAndValePage } from '../support/plan-page';
import { memoryStorage } from '../support/memory-storage';

const sessionUsers = new WeakMap<FieldbookDb, string>();

/**
 * Renders screens as they run on a phone with no signal: a real FieldbookDb holding the South
 * and Vale plan, a real sync engine that finds itself offline, and a real router.
 */
export async function renderOnOfflinePhone(
  routes: { path: string; element: ReactNode }[],
  /** The URL to open, or a function making it from the device's action ids (fresh per device). */
  at: string | ((actionIdOf: (ref: string) => Promise<string>) => Promise<string>),
  /** The same phone again (after the app was killed): its database, as it was left. */
  existing?: FieldbookDb,
) {
  const db = existing ?? newTestDb();
  const user: SessionUser = existing
    ? JSON.parse(sessionUsers.get(existing)!)
    : {
        id: crypto.randomUUID(),
        email: 'officer@example.org',
        name: 'Sam Patel',
        memberships: [{ partnershipId: crypto.randomUUID(), partnershipName: 'South and Vale', role: 'officer', jobTitle: 'Officer' }],
      };
  if (!existing) await applyPullPage(db, southAndValePage(user.id), user.id);
  sessionUsers.set(db, JSON.stringify(user));
  const actionId = async (ref: string) => (await db.actions.where('ref').equals(ref).first())!.id;
  const url = typeof at === 'string' ? at : await at(actionId);
  // Port 1 is closed: the API client behaves as with no signal if anything does reach for it.
  const api = createApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });
  const sync = new SyncEngine({ db, api, userId: user.id, isOnline: () => false, onSignInNeeded: () => undefined });
  const storage = memoryStorage({ 'fieldbook.user.v1': JSON.stringify(user) });
  const session = new SessionStore(() => Promise.resolve(api), storage);
  const utils = render(
    <AppServicesContext.Provider value={{ getApi: () => Promise.resolve(api), session }}>
      <UserServicesContext.Provider value={{ user, db, sync, lock: new IdleLock(user.id, storage) }}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Routes>
        </MemoryRouter>
      </UserServicesContext.Provider>
    </AppServicesContext.Provider>,
  );
  return { ...utils, db, user, sync, actionId };
}
