import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AccountScreen } from '../../src/app/ui/screens/AccountScreen';
import { AppServicesContext, UserServicesContext } from '../../src/app/services/services-context';
import { SessionStore } from '../../src/app/session/session-store';
import { IdleLock } from '../../src/app/session/idle-lock';
import { createApiClient } from '../../src/app/api/api-client';
import { SyncEngine } from '../../src/app/sync/sync-engine';
import type { SessionUser } from '../../src/domain/user';
import { memoryStorage } from '../support/memory-storage';
import { newTestDb } from '../support/fake-db';

describe('the Account screen', () => {
  it('lists every partnership with the role held there, and runs only those the user coordinates', async () => {
    const county = crypto.randomUUID();
    const district = crypto.randomUUID();
    const user: SessionUser = {
      id: crypto.randomUUID(),
      email: 'sam@example.org',
      name: 'Sam Patel',
      memberships: [
        { partnershipId: county, partnershipName: 'Oxfordshire Safer Communities', role: 'officer', jobTitle: 'Community Safety Officer' },
        { partnershipId: district, partnershipName: 'South and Vale', role: 'admin', jobTitle: 'CSP Manager' },
      ],
    };
    // Port 1 is closed: nothing here needs the server.
    const api = createApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });
    const db = newTestDb();
    const storage = memoryStorage({ 'fieldbook.user.v1': JSON.stringify(user) });
    render(
      <AppServicesContext.Provider value={{ getApi: () => Promise.resolve(api), session: new SessionStore(() => Promise.resolve(api), storage) }}>
        <UserServicesContext.Provider
          value={{
            user,
            db,
            sync: new SyncEngine({ db, api, userId: user.id, isOnline: () => false, onSignInNeeded: () => undefined }),
            lock: new IdleLock(user.id, storage),
          }}
        >
          <MemoryRouter>
            <AccountScreen />
          </MemoryRouter>
        </UserServicesContext.Provider>
      </AppServicesContext.Provider>,
    );
    const term = (text: string) => screen.getByText(text, { selector: 'dt' }).parentElement!;
    expect(within(term('Officer')).getByText(/Oxfordshire Safer Communities/)).toBeTruthy();
    expect(within(term('Administrator')).getByText(/South and Vale/)).toBeTruthy();

    // An administrator has every coordinator right: the team and audit log of that partnership, not the other.
    const admin = screen.getByRole('heading', { name: 'Partnership administration' }).nextElementSibling as HTMLElement;
    expect(within(admin).getByRole('link', { name: 'team' }).getAttribute('href')).toBe(`/partnerships/${district}/team`);
    expect(within(admin).queryByText(/Oxfordshire/)).toBeNull();
    await db.delete();
  });
});
