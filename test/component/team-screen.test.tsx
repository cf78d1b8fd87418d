import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import TeamScreen from '../../src/app/ui/coordinator/TeamScreen';
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
 * The Team screen in jsdom against the real server (it asks the server directly: a coordinator
 * at a desk, online), signed in as the demo coordinator with the app's own API client.
 */
let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
}, 60_000);
afterAll(() => server.close());

async function renderTeam(email: string, password: string) {
  const api = createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
  const user: SessionUser = await api.signIn({ email, password });
  const local = memoryStorage();
  const db = newTestDb();
  const sync = new SyncEngine({ db, api, userId: user.id, isOnline: () => false, onSignInNeeded: () => undefined });
  render(
    <AppServicesContext.Provider value={{ getApi: () => Promise.resolve(api), session: new SessionStore(() => Promise.resolve(api), local) }}>
      <UserServicesContext.Provider value={{ user, db, sync, lock: new IdleLock(user.id, local) }}>
        <MemoryRouter initialEntries={[`/partnerships/${server.partnershipId}/team`]}>
          <Routes>
            <Route path="/partnerships/:partnershipId/team" element={<TeamScreen />} />
          </Routes>
        </MemoryRouter>
      </UserServicesContext.Provider>
    </AppServicesContext.Provider>,
  );
  await screen.findByRole('heading', { name: 'Team' });
  return user;
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;
const fill = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const roleOf = async (email: string) =>
  (await server.storage.transaction((tx) => tx.accounts.listMembers(server.partnershipId))).find((m) => m.email === email)?.role;

describe('the Team screen', () => {
  it('adds an officer and shows their temporary password once, saying they must change it', async () => {
    await renderTeam(COORDINATOR.email, COORDINATOR.password);
    // A coordinator is not offered the administrator role.
    const roles = within(screen.getByRole('group', { name: 'Role in this partnership' }));
    expect(roles.getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual([
      expect.stringMatching(/^Viewer.*changes nothing/),
      expect.stringMatching(/^Officer/),
      expect.stringMatching(/^Coordinator/),
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Add to the team' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Enter their email address', 'Enter their full name', 'Choose a role']);

    fill('Email address', 'riley.shaw@southandvale.example');
    fill('Full name', 'Riley Shaw');
    fill(/^Job title/, 'Community Safety Officer');
    fireEvent.click(screen.getByLabelText(/^Officer/));
    fireEvent.click(screen.getByRole('button', { name: 'Add to the team' }));

    const panel = await screen.findByText(/has been added as an officer/);
    const password = screen.getByTestId('temporary-password').textContent;
    expect(password).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(panel.closest('[role="status"]')!.textContent).toContain('They must change it when they first sign in');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(rowOf('Riley Shaw')).getByText('Active')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Email address').value).toBe('');

    // The password shown is the one that signs them in, to the change-password screen only.
    const theirs = await createApiClient({ baseUrl: server.url, fetch: cookieFetch() }).signIn({
      email: 'riley.shaw@southandvale.example',
      password: password ?? '',
    });
    expect(theirs.mustChangePassword).toBe(true);
  });

  it('changes a role, deactivates and reactivates, and shows a refusal in the error summary', async () => {
    const officer = await addUser(server.storage, server.partnershipId, 'officer', 'morgan.price@southandvale.example');
    await addUser(server.storage, server.partnershipId, 'admin', 'casey.admin@southandvale.example');
    const me = await renderTeam(COORDINATOR.email, COORDINATOR.password);
    const name = `Test officer morgan.price`;
    await screen.findByText(name);

    // No controls for oneself, nor for an administrator (only administrators act on those).
    expect(within(rowOf(me.name)).queryByRole('combobox')).toBeNull();
    expect(within(rowOf(me.name)).queryByRole('button')).toBeNull();
    expect(within(rowOf('Test admin casey.admin')).queryByRole('combobox')).toBeNull();
    expect(within(rowOf('Test admin casey.admin')).getByText('Administrator')).toBeTruthy();

    const select = within(rowOf(name)).getByRole('combobox', { name: `Role of ${name}` });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Viewer', 'Officer', 'Coordinator']);
    fireEvent.change(select, { target: { value: 'coordinator' } });
    fireEvent.click(within(rowOf(name)).getByRole('button', { name: `Save the role of ${name}` }));
    // Said only once the list has been read again: the server has it.
    await screen.findByText(`${name} is now a coordinator in this partnership.`);
    expect(await roleOf(officer.email)).toBe('coordinator');

    fireEvent.click(within(rowOf(name)).getByRole('button', { name: 'Deactivate' }));
    fireEvent.click(within(rowOf(name)).getByRole('button', { name: `Deactivate ${name} now` }));
    await screen.findByText(`${name} is deactivated and signed out everywhere.`);
    expect(within(rowOf(name)).getByText('Deactivated')).toBeTruthy();
    fireEvent.click(within(rowOf(name)).getByRole('button', { name: `Reactivate ${name}` }));
    await screen.findByText(`${name} can sign in again.`);
    expect(within(rowOf(name)).getByText('Active')).toBeTruthy();

    // Made an administrator behind the screen's back: the server refuses, the summary says why.
    await server.storage.transaction((tx) => tx.accounts.updateMembership(officer.id, server.partnershipId, { role: 'admin' }));
    fireEvent.change(within(rowOf(name)).getByRole('combobox'), { target: { value: 'officer' } });
    fireEvent.click(within(rowOf(name)).getByRole('button', { name: /^Save/ }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/Only an administrator can make someone an administrator, or stop them being one/);
    expect(within(summary).getByRole('link').getAttribute('href')).toBe(`#role-${officer.id}`);
  });
});
