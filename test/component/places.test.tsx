import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { LogOutcomeScreen } from '../../src/app/ui/screens/LogOutcomeScreen';
import { ActionScreen } from '../../src/app/ui/screens/ActionScreen';
import { AddPlaceScreen } from '../../src/app/ui/screens/AddPlaceScreen';
import { PlacesScreen } from '../../src/app/ui/screens/PlacesScreen';
import { addPlace } from '../../src/app/data/places';
import { renderOnOfflinePhone } from './render-device';

const routes = [
  { path: '/actions/:actionId/log', element: <LogOutcomeScreen /> },
  { path: '/actions/:actionId', element: <ActionScreen /> },
  { path: '/places', element: <PlacesScreen /> },
  { path: '/places/new', element: <AddPlaceScreen /> },
];

describe('place registers', () => {
  it('an officer adds a place from the visit form, offline, and comes back to the form with it chosen and their answers kept', async () => {
    const phone = await renderOnOfflinePhone(routes, async (idOf) => `/actions/${await idOf('3')}/log`);
    fireEvent.click(await screen.findByLabelText(/^Safe Place follow-up visit/));
    fireEvent.click(screen.getByLabelText('Yes'));
    fireEvent.click(screen.getByLabelText('Two or more'));
    // A visit needs its place: saving without one names the field.
    fireEvent.click(screen.getByLabelText('All in order'));
    fireEvent.click(screen.getByLabelText('Thame'));
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(within(await screen.findByRole('alert')).getByRole('link').textContent).toBe('Choose the place');

    fireEvent.click(screen.getByRole('link', { name: 'Add a place to the register' }));
    expect(await screen.findByRole('heading', { name: 'Add a place' })).toBeTruthy();
    expect(screen.getByLabelText('Safe Place')).toHaveProperty('checked', true);
    fireEvent.change(screen.getByLabelText('Name of the place'), { target: { value: 'Thame Town Hall' } });
    fireEvent.click(screen.getByLabelText('Thame'));
    fireEvent.click(screen.getByRole('button', { name: 'Save place' }));

    // Back on the form: the draft's answers, and the new place chosen.
    expect(await screen.findByTestId('draft-restored')).toBeTruthy();
    const place = (await phone.db.places.toArray())[0]!;
    expect(place).toMatchObject({ name: 'Thame Town Hall', town: 'Thame', kind: 'safe-place', syncState: 'pending' });
    await waitFor(() => expect(screen.getByLabelText('Which safe place?')).toHaveProperty('value', place.id));
    expect(screen.getByLabelText('Two or more')).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(await screen.findByText(/Outcome saved on this phone/)).toBeTruthy();
    expect((await phone.db.outcomes.toArray())[0]).toMatchObject({ type: 'safe-place-visit', placeId: place.id, town: 'Thame' });
    expect((await phone.db.outbox.orderBy('seq').toArray()).map((e) => e.kind)).toEqual(['place.create', 'outcome.create']);
  });

  it('lists the places due a follow-up for the chosen number of months', async () => {
    const phone = await renderOnOfflinePhone(routes, '/places');
    const partnershipId = (await phone.db.partnerships.toArray())[0]!.id;
    const base = { partnershipId, kind: 'safe-place' as const, town: 'Didcot', address: null, point: null, status: 'active' as const };
    await addPlace(phone.db, { ...base, name: 'Joined long ago', joinedOn: '2024-01-01' });
    await addPlace(phone.db, { ...base, name: 'Joined today', joinedOn: new Date().toISOString().slice(0, 10) });
    await waitFor(async () => expect(within(await screen.findByTestId('place-list')).getAllByRole('listitem')).toHaveLength(2));

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: '6' } });
    await waitFor(async () => expect(within(await screen.findByTestId('place-list')).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByTestId('place-list').textContent).toContain('Joined long ago');
    expect(screen.getByTestId('place-list').textContent).toContain('Not visited yet');
  });
});

describe('a place’s status', () => {
  it('changes on the phone, is queued after the place itself, and takes it off the follow-up list', async () => {
    const phone = await renderOnOfflinePhone(routes, '/places?kind=safe-place&due=6');
    const partnershipId = (await phone.db.partnerships.toArray())[0]!.id;
    const place = await addPlace(phone.db, {
      partnershipId,
      kind: 'safe-place',
      town: 'Didcot',
      address: null,
      point: null,
      status: 'active',
      name: 'Old Bakery',
      joinedOn: '2024-01-01',
    });
    const status = await screen.findByLabelText('Status');
    fireEvent.change(status, { target: { value: 'closed' } });
    await waitFor(async () => expect((await phone.db.places.get(place.id))!.status).toBe('closed'));
    expect((await phone.db.outbox.orderBy('seq').toArray()).map((e) => [e.kind, e.args])).toEqual([
      ['place.create', expect.objectContaining({ id: place.id })],
      ['place.update', { id: place.id, baseVersion: 0, changes: { status: 'closed' } }],
    ]);
    expect(await screen.findByTestId('places-empty')).toBeTruthy();
  });
});
