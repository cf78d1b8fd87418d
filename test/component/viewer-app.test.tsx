import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '../../src/app/App';
import { AppServicesProvider } from '../../src/app/services/AppServicesProvider';
import { createApiClient } from '../../src/app/api/api-client';
import { logOutcome } from '../../src/app/data/log-outcome';
import { cookieFetch } from '../support/cookie-fetch';
import { OFFICER } from '../support/demo';
import { addUser } from '../support/seed-extra';
import { signedInDevice } from '../support/test-device';
import { outcomeFor } from '../support/outcomes';
import { startChildServer, type ChildServer } from './child-server';

/**
 * The whole app against the real server, signed in as a viewer (decision 42): a scrutiny
 * councillor sees progress, the plan and the reports, an officer's outcome without its note, and
 * nothing that logs or changes anything.
 */
let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
}, 60_000);
afterAll(() => server.close());
afterEach(() => localStorage.clear());

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const NOTE = 'Spoke to a resident at number 4';

describe('a viewer', () => {
  it('opens on Progress, reads an action’s outcomes without their notes and the reports, and has nothing to log, review or edit with', async () => {
    const officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await officer.sync.syncNow();
    await logOutcome(officer.db, officer.user, { ...(await outcomeFor(officer.db, '22')), notes: NOTE }, undefined, { confirmDuplicate: true });
    await officer.sync.syncNow();
    const viewer = await addUser(server.storage, server.partnershipId, 'viewer', 'councillor@southandvale.example');

    render(
      <AppServicesProvider api={createApiClient({ baseUrl: server.url, fetch: cookieFetch() })}>
        <MemoryRouter initialEntries={['/']}>
          <AppRoutes />
        </MemoryRouter>
      </AppServicesProvider>,
    );
    await screen.findByRole('heading', { name: 'Sign in to Fieldbook' });
    fill('Email address', viewer.email);
    fill('Password', viewer.password);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: /^Progress: / }, { timeout: 15_000 });
    const tabs = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(tabs.getAllByRole('link').map((a) => a.textContent)).toEqual(['Progress', 'Plan', 'Reports']);
    const subnav = within(screen.getByRole('navigation', { name: 'Coordinator' }));
    expect(subnav.getAllByRole('link').map((a) => a.textContent)).toEqual(['Progress', 'Plan', 'Reports']);
    expect(screen.queryByRole('link', { name: 'Quarterly review' })).toBeNull();

    fireEvent.click(screen.getAllByRole('link', { name: 'Ref 22' })[0]!);
    await screen.findByRole('heading', { name: 'Ref 22' });
    await screen.findAllByText(new RegExp(OFFICER.name), undefined, { timeout: 5000 });
    expect(screen.queryByText(NOTE)).toBeNull();
    expect(screen.queryByRole('link', { name: 'Log an outcome' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Log another like this' })).toBeNull();

    // Reports: the quarterly reports and the PCC return's stages to read, nothing to review or edit.
    fireEvent.click(tabs.getByRole('link', { name: 'Reports' }));
    await screen.findByRole('heading', { name: 'Reports' });
    expect(screen.getAllByRole('link', { name: 'Mid-year return' }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('link', { name: /review and sign-off/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /Spending plan, mid-year and end-year returns/ })).toBeNull();
  }, 40_000);
});
