import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { AccountScreen } from '../../src/app/ui/screens/AccountScreen';
import { logOutcome } from '../../src/app/data/log-outcome';
import { attachPhotos } from '../../src/app/data/photos';
import { renderOnOfflinePhone } from './render-device';
import { outcomeFor } from '../support/outcomes';

describe('Account → This phone', () => {
  it('shows what is stored, live: plans, actions, outcomes and photos waiting, and the build', async () => {
    const phone = await renderOnOfflinePhone([{ path: '*', element: <AccountScreen /> }], '/account');
    const contents = await screen.findByTestId('device-contents');
    const row = (term: string) => within(contents).getByText(term, { selector: 'dt' }).nextElementSibling!.textContent;
    const actions = await phone.db.actions.count();
    expect(actions).toBeGreaterThan(0);
    await waitFor(() => expect(row('Actions')).toBe(String(actions)));
    expect(row('Plans')).toBe('1');
    expect(row('Outcomes')).toBe('0');
    expect(row('Photos')).toBe('0 (0.0 MB)');

    const saved = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '3', 2));
    await attachPhotos(phone.db, saved.id, [{ blob: new Blob([new Uint8Array(2_097_152)], { type: 'image/jpeg' }), width: 1600, height: 1200 }]);
    await waitFor(() => expect(row('Outcomes')).toBe('2, 2 waiting to sync'));
    await waitFor(() => expect(row('Photos')).toBe('1 (2.0 MB), 1 waiting to upload'));

    // jsdom has no StorageManager: said plainly rather than guessed.
    expect(row('Storage used')).toBe('Not reported by this browser');
    expect(row('Storage kept')).toBe('No: the browser may clear it');
    const build = screen.getByTestId('build-info');
    expect(within(build).getByText('Version', { selector: 'dt' }).nextElementSibling!.textContent).toBe('test');
    expect(within(build).getByText('Built', { selector: 'dt' }).nextElementSibling!.textContent).toBe('1 Jan 2026, 00:00 UTC');
  });
});
