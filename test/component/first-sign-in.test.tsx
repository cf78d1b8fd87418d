import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '../../src/app/App';
import { AppServicesProvider } from '../../src/app/services/AppServicesProvider';
import { dbNameForUser } from '../../src/app/db/fieldbook-db';
import { DEVICE_KEYS } from '../../src/app/session/device-keys';
import { createApiClient } from '../../src/app/api/api-client';
import { coordinatorApi } from '../../src/app/api/coordinator-api';
import { cookieFetch } from '../support/cookie-fetch';
import { COORDINATOR } from '../support/demo';
import { startChildServer, type ChildServer } from './child-server';

/**
 * The whole app (its routes, services and session, over jsdom's localStorage and fake-indexeddb)
 * against the real server, for someone a coordinator has just added: signed in with the temporary
 * password, they see only "Choose your password", and the app opens once the server has theirs.
 */
let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
}, 60_000);
afterAll(() => server.close());
afterEach(() => localStorage.clear());

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('a first sign-in with a temporary password', () => {
  // Two sign-ins, a password change and a first sync against the real server: longer than
  // vitest's 5 s default on a busy machine.
  it('asks for their own password before anything else, then opens the app', async () => {
    const lead = createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
    await lead.signIn({ email: COORDINATOR.email, password: COORDINATOR.password });
    const email = 'jamie.fox@southandvale.example';
    const { temporaryPassword, member } = await coordinatorApi(lead).addMember(server.partnershipId, {
      email,
      name: 'Jamie Fox',
      jobTitle: '',
      role: 'officer',
    });

    render(
      <AppServicesProvider api={createApiClient({ baseUrl: server.url, fetch: cookieFetch() })}>
        <MemoryRouter initialEntries={['/plan']}>
          <AppRoutes />
        </MemoryRouter>
      </AppServicesProvider>,
    );
    await screen.findByRole('heading', { name: 'Sign in to Fieldbook' });
    fill('Email address', email);
    fill('Password', temporaryPassword ?? '');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: 'Choose your password' }, { timeout: 5000 });
    // Nothing else: no navigation, no plan.
    expect(screen.queryByRole('link', { name: 'My actions' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Plan' })).toBeNull();
    // Nor their database, sync engine or idle lock (the server would refuse every request): the
    // lock is made with the rest and notes the time at once.
    expect(localStorage.getItem(DEVICE_KEYS.lastActiveAt)).toBeNull();
    const databases = async () => (await indexedDB.databases()).map((d) => d.name);

    fill('Temporary password', temporaryPassword ?? '');
    fill('New password', 'harbour lights at dusk');
    fireEvent.click(screen.getByRole('button', { name: 'Save my password' }));
    await screen.findByRole('heading', { name: 'My actions' }, { timeout: 10_000 });
    expect(screen.getByRole('link', { name: 'Plan' })).toBeTruthy();
    expect(await databases()).toContain(dbNameForUser(member.id));

    // Their own password signs them in now; the temporary one no longer does.
    const again = createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
    expect(await again.signIn({ email, password: 'harbour lights at dusk' })).toMatchObject({ mustChangePassword: false });
    await expect(again.signIn({ email, password: temporaryPassword ?? '' })).rejects.toMatchObject({ status: 401 });
  }, 30_000);
});
