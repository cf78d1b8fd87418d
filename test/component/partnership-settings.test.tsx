import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import PartnershipSettingsScreen from '../../src/app/ui/settings/PartnershipSettingsScreen';
import { AppServicesContext, UserServicesContext } from '../../src/app/services/services-context';
import { SessionStore } from '../../src/app/session/session-store';
import { IdleLock } from '../../src/app/session/idle-lock';
import { createApiClient } from '../../src/app/api/api-client';
import { SyncEngine } from '../../src/app/sync/sync-engine';
import type { SessionUser } from '../../src/domain/user';
import { cookieFetch } from '../support/cookie-fetch';
import { memoryStorage } from '../support/memory-storage';
import { newTestDb } from '../support/fake-db';
import { COORDINATOR } from '../support/demo';
import { addUser } from '../support/seed-extra';
import { startChildServer, type ChildServer } from './child-server';

/**
 * The Partnership settings screen in jsdom against the real server, signed in with the app's own
 * API client and synced by its own engine: each change goes to the server, and the lists on screen
 * are this device's copy, pulled straight after.
 */
let server: ChildServer;
let admin: { email: string; password: string };
beforeAll(async () => {
  server = await startChildServer();
  admin = await addUser(server.storage, server.partnershipId, 'admin', 'casey.settings@southandvale.example');
}, 60_000);
afterAll(() => server.close());

async function renderSettings(who: { email: string; password: string }, online = true) {
  const api = createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
  const user: SessionUser = await api.signIn({ email: who.email, password: who.password });
  const local = memoryStorage();
  const db = newTestDb();
  const sync = new SyncEngine({ db, api, userId: user.id, isOnline: () => online, onSignInNeeded: () => undefined });
  await sync.syncNow();
  render(
    <AppServicesContext.Provider value={{ getApi: () => Promise.resolve(api), session: new SessionStore(() => Promise.resolve(api), local) }}>
      <UserServicesContext.Provider value={{ user, db, sync, lock: new IdleLock(user.id, local) }}>
        <MemoryRouter initialEntries={['/settings']}>
          <Routes>
            <Route path="/settings" element={<PartnershipSettingsScreen />} />
          </Routes>
        </MemoryRouter>
      </UserServicesContext.Provider>
    </AppServicesContext.Provider>,
  );
  return { db };
}

const areasInUse = () => within(screen.getByTestId('areas-in-use'));
const names = (list: HTMLElement) => [...list.querySelectorAll('.entry-list__name')].map((n) => n.textContent);
const serverAreas = async () => (await server.storage.transaction((tx) => tx.lists.list('areas', server.partnershipId))).map((a) => [a.name, a.retired]);

describe('the Partnership settings screen', () => {
  it('adds an area, refuses a duplicate name beside the field, renames and retires one, and brings it back', async () => {
    const { db } = await renderSettings(admin);
    expect(await screen.findByRole('heading', { name: 'Partnership settings' })).toBeTruthy();
    expect(names(screen.getByTestId('areas-in-use'))).toEqual(['Abingdon', 'Didcot', 'Faringdon', 'Henley-on-Thames', 'Thame', 'Wallingford', 'Wantage']);

    // Add: on the server, and on this device's list (and its pickers) once synced.
    fireEvent.change(screen.getByLabelText('Add an area'), { target: { value: 'Berinsfield' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add area' }));
    expect(await screen.findByText('Berinsfield added.')).toBeTruthy();
    expect(names(screen.getByTestId('areas-in-use'))).toContain('Berinsfield');
    expect(await db.areas.filter((a) => a.name === 'Berinsfield').count()).toBe(1);
    expect(screen.getByLabelText('Add an area')).toHaveProperty('value', '');

    // A duplicate, case aside: the server's words in the summary and beside the field; nothing added.
    fireEvent.change(screen.getByLabelText('Add an area'), { target: { value: 'didcot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add area' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'An area called Didcot already exists' });
    expect(link.getAttribute('href')).toBe('#new-areas');
    expect(document.getElementById('new-areas-error')?.textContent).toContain('An area called Didcot already exists');
    expect(screen.getByLabelText('Add an area').getAttribute('aria-describedby')).toBe('new-areas-error');
    expect((await serverAreas()).filter(([n]) => String(n).toLowerCase() === 'didcot')).toHaveLength(1);

    // Rename in place.
    fireEvent.click(areasInUse().getByRole('button', { name: 'Change the name of Wallingford' }));
    const rename = screen.getByLabelText('New name for Wallingford');
    fireEvent.change(rename, { target: { value: 'Wallingford and Cholsey' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Area renamed: Wallingford is now Wallingford and Cholsey.')).toBeTruthy();
    expect(names(screen.getByTestId('areas-in-use'))).toContain('Wallingford and Cholsey');
    expect(await serverAreas()).toContainEqual(['Wallingford and Cholsey', false]);

    // Retire: leaves the list in use, listed as retired, and can come back.
    fireEvent.click(areasInUse().getByRole('button', { name: 'Retire Faringdon' }));
    expect(await screen.findByText('Faringdon retired: it is no longer offered.')).toBeTruthy();
    expect(names(screen.getByTestId('areas-in-use'))).not.toContain('Faringdon');
    expect(names(screen.getByTestId('areas-retired'))).toEqual(['Faringdon']);
    expect((await db.areas.filter((a) => a.name === 'Faringdon').first())?.retired).toBe(true);
    fireEvent.click(within(screen.getByTestId('areas-retired')).getByRole('button', { name: 'Bring back Faringdon' }));
    expect(await screen.findByText('Faringdon is in use again.')).toBeTruthy();
    expect(names(screen.getByTestId('areas-in-use'))).toContain('Faringdon');
    expect(screen.queryByTestId('areas-retired')).toBeNull();
  }, 30_000);

  it('adds a partner organisation, and says an empty name is wrong without asking the server', async () => {
    await renderSettings(admin);
    await screen.findByRole('heading', { name: 'Partner organisations' });
    fireEvent.click(screen.getByRole('button', { name: 'Add organisation' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Enter the name of the organisation');
    fireEvent.change(screen.getByLabelText('Add an organisation'), { target: { value: 'Cherwell Housing Trust' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add organisation' }));
    expect(await screen.findByText('Cherwell Housing Trust added.')).toBeTruthy();
    expect(names(screen.getByTestId('organisations-in-use'))).toContain('Cherwell Housing Trust');
  }, 30_000);

  it('says that changes need a connection when the device is offline, and changes nothing', async () => {
    await renderSettings(admin, false);
    expect((await screen.findByTestId('settings-offline')).textContent).toContain('You’re offline: changes to settings need a connection');
    fireEvent.change(screen.getByLabelText('Add an area'), { target: { value: 'Cholsey' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add area' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('You’re offline: changes to settings need a connection');
    expect((await serverAreas()).map(([n]) => n)).not.toContain('Cholsey');
  }, 30_000);

  it('is not offered to a coordinator who does not administer the partnership', async () => {
    await renderSettings(COORDINATOR);
    expect(await screen.findByRole('heading', { name: /not found/i })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Partnership settings' })).toBeNull());
  }, 30_000);
});
