import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { SyncStatusBar } from '../../src/app/ui/components/SyncStatusBar';
import { logOutcome } from '../../src/app/data/log-outcome';
import { renderOnOfflinePhone } from './render-device';
import { outcomeFor } from '../support/outcomes';

describe('the sync status bar', () => {
  it('says the phone is offline and how many outcomes wait, live as they are saved', async () => {
    const phone = await renderOnOfflinePhone([{ path: '*', element: <SyncStatusBar /> }], '/');
    await phone.sync.syncNow();
    const status = await screen.findByTestId('sync-status');
    await waitFor(() => expect(status.textContent).toContain('Offline · everything is saved on this phone'));

    await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '3', 2));
    await waitFor(() => expect(status.textContent).toContain('Offline · 2 outcomes waiting to sync'));
    expect(screen.getByRole('button', { name: 'Sync now' }).hasAttribute('disabled')).toBe(true);
  });
});
