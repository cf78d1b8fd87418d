import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ActionScreen } from '../../src/app/ui/screens/ActionScreen';
import { EditOutcomeScreen } from '../../src/app/ui/screens/EditOutcomeScreen';
import { NeedsAttentionScreen } from '../../src/app/ui/screens/NeedsAttentionScreen';
import { logOutcome } from '../../src/app/data/log-outcome';
import { renderOnOfflinePhone } from './render-device';
import { outcomeFor } from '../support/outcomes';

const routes = [
  { path: '/actions/:actionId', element: <ActionScreen /> },
  { path: '/outcomes/:outcomeId/edit', element: <EditOutcomeScreen /> },
  { path: '/attention', element: <NeedsAttentionScreen /> },
];

describe('changing and deleting outcomes on the phone', () => {
  it('changes an outcome in a prefilled form and queues only the field that changed', async () => {
    const phone = await renderOnOfflinePhone(routes, async (idOf) => `/actions/${await idOf('22')}`);
    const loggedId = (await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'))).id;

    fireEvent.click(await screen.findByRole('link', { name: 'Change' }));
    const attendees = await screen.findByLabelText('Number of attendees');
    expect(attendees).toHaveProperty('value', '12');
    expect(screen.getByLabelText('Didcot')).toHaveProperty('checked', true);
    // The type stays what it was: no choice of type when changing.
    expect(screen.queryByRole('group', { name: 'What are you logging?' })).toBeNull();
    fireEvent.change(attendees, { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved on this phone. They sync by themselves when there is signal.')).toBeTruthy();
    const saved = await phone.db.outcomes.get(loggedId);
    expect(saved).toMatchObject({ details: { attendees: 15 }, syncState: 'pending' });
    const update = (await phone.db.outbox.toArray()).find((e) => e.kind === 'outcome.update');
    expect(update?.args).toEqual({ id: loggedId, baseVersion: 0, changes: { details: saved!.details } });
    expect(await phone.db.drafts.count()).toBe(0);
  });

  it('deletes only after the officer confirms, and the tally drops at once', async () => {
    const phone = await renderOnOfflinePhone(routes, async (idOf) => `/actions/${await idOf('22')}`);
    const values = await outcomeFor(phone.db, '22');
    await logOutcome(phone.db, phone.user, { ...values, details: { ...values.details, attendees: 40 } });
    const tally = async () => (await screen.findAllByTestId('measure-tally'))[0]!.textContent;
    await waitFor(async () => expect(await tally()).toMatch(/^1 of 2 sessions · 40 attendees/));

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await phone.db.outbox.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Delete it' }));

    await waitFor(async () => expect(await tally()).toMatch(/^0 of 2 sessions · 0 attendees/));
    expect(screen.queryByTestId('outcome-list')).toBeNull();
    expect((await phone.db.outbox.toArray()).map((e) => e.kind)).toEqual(['outcome.create', 'outcome.delete']);
  });

  it('keeps a refused outcome under Needs attention until the officer discards it on purpose', async () => {
    const phone = await renderOnOfflinePhone(routes, '/attention');
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await phone.db.outbox.clear();
    await phone.db.outcomes.update(logged.id, {
      syncState: 'rejected',
      rejection: {
        code: 'not-found',
        message: 'The action this outcome was logged against is not in your partnerships.',
        fieldErrors: [],
        kind: 'outcome.create',
      },
    });

    const item = (await screen.findByText('The action this outcome was logged against is not in your partnerships.')).closest('li')!;
    expect(within(item).getByRole('link', { name: 'Fix and send again' }).getAttribute('href')).toBe(`/outcomes/${logged.id}/edit`);
    fireEvent.click(within(item).getByRole('button', { name: 'Discard' }));
    expect(await phone.db.outcomes.get(logged.id)).toBeDefined();
    fireEvent.click(within(item).getByRole('button', { name: 'Discard this outcome' }));
    await waitFor(async () => expect(await phone.db.outcomes.get(logged.id)).toBeUndefined());
    expect(await screen.findByText(/Nothing needs attention/)).toBeTruthy();
  });

  it('offers only discarding for a change refused because the outcome was deleted meanwhile', async () => {
    const phone = await renderOnOfflinePhone(routes, '/attention');
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await phone.db.outbox.clear();
    const tombstone = {
      ...logged,
      areaId: logged.areaId ?? null,
      receivedAt: '2026-11-20T10:00:00.000Z',
      version: 7,
      deletedAt: '2026-11-21T10:00:00.000Z',
      notes: null,
    };
    await phone.db.outcomes.put({
      ...logged,
      details: { ...logged.details, attendees: 99 },
      version: 7,
      syncState: 'rejected',
      server: tombstone,
      rejection: { code: 'conflict', message: 'This outcome was deleted, so it cannot be changed.', fieldErrors: [], kind: 'outcome.update' },
    });

    const item = (await screen.findByText('This outcome was deleted, so it cannot be changed.')).closest('li')!;
    expect(within(item).getByText('It was deleted meanwhile.')).toBeTruthy();
    expect(within(item).queryByRole('link', { name: 'Fix and send again' })).toBeNull();
    fireEvent.click(within(item).getByRole('button', { name: 'Discard' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Undo my change' }));
    await waitFor(async () => expect((await phone.db.outcomes.get(logged.id))?.syncState).toBe('synced'));
    expect((await phone.db.outcomes.get(logged.id))?.deletedAt).toBe('2026-11-21T10:00:00.000Z');
  });
});
