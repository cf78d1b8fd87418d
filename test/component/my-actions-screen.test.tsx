import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { MyActionsScreen } from '../../src/app/ui/screens/MyActionsScreen';
import { logOutcome } from '../../src/app/data/log-outcome';
import type { LocalOutcome } from '../../src/app/db/local-records';
import { renderOnOfflinePhone } from './render-device';
import { outcomeFor } from '../support/outcomes';

/**
 * "My actions" on a phone holding many of the officer's outcomes: the first screen, read
 * through the outcome indexes and drawn in one go with "Log again" (the "Lighthouse" and "cold start" benchmarks).
 */
describe('My actions with many outcomes on the phone', () => {
  it("lists the officer's actions and the newest kinds of outcome to log again", async () => {
    const phone = await renderOnOfflinePhone([{ path: '*', element: <MyActionsScreen /> }], '/');
    const { db, user } = phone;
    // A thousand older synced outcomes, all of one kind, written as a pull would.
    await logOutcome(db, user, await outcomeFor(db, '22'));
    const template = (await db.outcomes.toCollection().first())!;
    await db.outbox.clear();
    const old: LocalOutcome[] = Array.from({ length: 1000 }, (_, i) => ({
      ...template,
      id: crypto.randomUUID(),
      syncState: 'synced',
      recordedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    }));
    await db.outcomes.bulkPut(old);
    await db.outcomes.delete(template.id);
    // Then the latest: one refused by the server (never offered: the newest is 3's other kind,
    // logged after it), and another action's.
    const refusedValues = await outcomeFor(db, '3', 1);
    const at = (second: number) => new Date(Date.now() + second * 1000);
    await logOutcome(db, user, refusedValues, at(1));
    await db.outcomes.where('actionId').equals(refusedValues.actionId).modify({ syncState: 'rejected' });
    await logOutcome(db, user, await outcomeFor(db, '3'), at(2), { confirmDuplicate: true });
    await logOutcome(db, user, await outcomeFor(db, '8'), at(3));

    const mine = await db.actions.where('ownerIds').equals(user.id).count();
    await screen.findByText(`${mine} ${mine === 1 ? 'action' : 'actions'} you deliver. Tap one to see its progress or log an outcome.`, undefined, {
      timeout: 10_000,
    });
    // Newest first, one per action and kind: 8, then 3, then the newest of the 1,000 (22). (The
    // screen is live: it was open while they were written.)
    const refs = () =>
      within(screen.getByRole('region', { name: 'Log again' }))
        .getAllByText(/^Ref /)
        .map((e) => e.textContent);
    await waitFor(() => expect(refs()).toEqual(['Ref 8', 'Ref 3', 'Ref 22']), { timeout: 10_000 });
  }, 60_000);
});
