import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { LogOutcomeScreen } from '../../src/app/ui/screens/LogOutcomeScreen';
import { ActionScreen } from '../../src/app/ui/screens/ActionScreen';
import { renderOnOfflinePhone } from './render-device';

const routes = [
  { path: '/actions/:actionId/log', element: <LogOutcomeScreen /> },
  { path: '/actions/:actionId', element: <ActionScreen /> },
];
const openLogForm = (ref: string) => renderOnOfflinePhone(routes, async (idOf) => `/actions/${await idOf(ref)}/log`);
const summaryLinks = (summary: HTMLElement) =>
  within(summary)
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);

function fillHateCrimeTraining(attendees: string, town = 'Wantage') {
  fireEvent.click(screen.getByLabelText(/^Training session/));
  fireEvent.change(screen.getByLabelText('Who was it for?'), { target: { value: 'housing-providers' } });
  fireEvent.change(screen.getByLabelText('Number of attendees'), { target: { value: attendees } });
  fireEvent.click(screen.getByLabelText('Face to face'));
  fireEvent.click(screen.getByLabelText(town));
}

describe('logging an outcome', () => {
  it('lists every problem in an error summary, links each to its field, and saves nothing', async () => {
    const phone = await openLogForm('22');
    fireEvent.click(await screen.findByRole('button', { name: 'Save outcome' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('There is a problem')).toBeTruthy();
    expect(summaryLinks(summary)).toEqual([
      ['Choose what you are logging', '#type'],
      ['Choose the area, or say it is not about one area', '#area'],
    ]);
    expect(document.activeElement).toBe(summary);
    expect(await phone.db.outcomes.count()).toBe(0);
  });

  it('offers the kinds of outcome this action counts, and fixes answers only one measure can count', async () => {
    await openLogForm('22');
    const types = within(await screen.findByRole('group', { name: 'What are you logging?' })).getAllByRole('radio');
    expect(types.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      expect.stringMatching(/^Training session/),
      expect.stringMatching(/^Place joined a scheme/),
    ]);
    fireEvent.click(screen.getByLabelText(/^Training session/));
    // Ref 22 counts hate crime training only: the topic is not asked, it is shown.
    expect(screen.queryByRole('group', { name: 'Topic' })).toBeNull();
    expect(screen.getByText('Hate crime')).toBeTruthy();
    expect(screen.getByText(/No personal details/)).toBeTruthy();
  });

  it('uses a stepper with the numeric keypad for counts, and names the field when a count is not a number', async () => {
    await openLogForm('22');
    fireEvent.click(await screen.findByLabelText(/^Training session/));
    const attendees = screen.getByLabelText('Number of attendees');
    expect(attendees.getAttribute('inputmode')).toBe('numeric');
    fireEvent.click(screen.getByRole('button', { name: 'One more: Number of attendees' }));
    fireEvent.click(screen.getByRole('button', { name: 'One more: Number of attendees' }));
    expect(attendees).toHaveProperty('value', '2');
    fireEvent.click(screen.getByRole('button', { name: 'One fewer: Number of attendees' }));
    expect(attendees).toHaveProperty('value', '1');

    fillHateCrimeTraining('twelve');
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    const summary = await screen.findByRole('alert');
    expect(summaryLinks(summary)).toEqual([['Number of attendees: enter a whole number, like 12', '#detail-attendees']]);
    // Beside the field too.
    expect(within(attendees.closest('.form-group') as HTMLElement).getByText('Number of attendees: enter a whole number, like 12')).toBeTruthy();
  });

  it('refuses impossible values with the shared rules: negative attendees, a date after tomorrow', async () => {
    await openLogForm('22');
    fireEvent.click(await screen.findByLabelText(/^Training session/));
    fillHateCrimeTraining('0');
    fireEvent.change(screen.getByLabelText('When did it happen?'), { target: { value: '2099-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(summaryLinks(await screen.findByRole('alert'))).toEqual([
      ['Number of attendees: must be 1 or more', '#detail-attendees'],
      ['Date must be today or in the past', '#date'],
    ]);
  });

  it('saves to the phone at once, queues it, and shows the measure’s tally against its target, waiting to sync', async () => {
    const phone = await openLogForm('22');
    await screen.findByLabelText(/^Training session/);
    fillHateCrimeTraining('14');
    fireEvent.change(screen.getByLabelText('Notes (optional)'), { target: { value: 'RSL staff session' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));

    expect(await screen.findByText('Outcome saved on this phone. It syncs by itself when there is signal.')).toBeTruthy();
    const [saved] = await phone.db.outcomes.toArray();
    const wantage = (await phone.db.areas.filter((a) => a.name === 'Wantage').first())!;
    expect(saved).toMatchObject({
      type: 'training-session',
      details: { topic: 'hate-crime', audience: 'housing-providers', attendees: 14, format: 'face-to-face' },
      areaId: wantage.id,
      town: 'Wantage',
      notes: 'RSL staff session',
      syncState: 'pending',
    });
    expect(await phone.db.outbox.count()).toBe(1);
    const tally = (await screen.findAllByTestId('measure-tally'))[0]!;
    expect(tally.textContent).toContain('1 of 2 sessions · 14 attendees');
    expect(tally.textContent).toContain('1 waiting to sync');
    expect(within(screen.getByTestId('outcome-list')).getByText('Saved on this phone')).toBeTruthy();
    expect(within(screen.getByTestId('outcome-list')).getByText('Training session · Hate crime · Housing providers (RSLs) · 14 attendees')).toBeTruthy();
  });

  it('keeps what was typed when the app is killed mid-form, and offers it back intact', async () => {
    const first = await openLogForm('22');
    await screen.findByLabelText(/^Training session/);
    fillHateCrimeTraining('17', 'Thame');
    fireEvent.change(screen.getByLabelText('Notes (optional)'), { target: { value: 'half-way through' } });
    await waitFor(async () => expect((await first.db.drafts.toArray())[0]?.values).toMatchObject({ notes: 'half-way through' }));
    const db = first.db;
    first.unmount();

    // The same phone, the form opened again.
    const actionId = (await db.actions.where('ref').equals('22').first())!.id;
    const again = await renderOnOfflinePhoneWithDb(db, `/actions/${actionId}/log`);
    expect(await screen.findByTestId('draft-restored')).toBeTruthy();
    expect(screen.getByLabelText(/^Training session/)).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Number of attendees')).toHaveProperty('value', '17');
    expect(screen.getByLabelText('Thame')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Notes (optional)')).toHaveProperty('value', 'half-way through');

    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(await screen.findByText(/Outcome saved on this phone/)).toBeTruthy();
    expect(await again.db.drafts.count()).toBe(0);
  });

  it('asks before saving the same kind of outcome twice in a town on one day', async () => {
    const phone = await openLogForm('22');
    await screen.findByLabelText(/^Training session/);
    fillHateCrimeTraining('14');
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    await screen.findByText(/Outcome saved on this phone/);

    const actionId = (await phone.db.actions.where('ref').equals('22').first())!.id;
    phone.unmount();
    await renderOnOfflinePhoneWithDb(phone.db, `/actions/${actionId}/log`);
    await screen.findByLabelText(/^Training session/);
    fillHateCrimeTraining('9');
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning.textContent).toContain('You already logged training session in Wantage on this day.');
    expect(await phone.db.outcomes.count()).toBe(1);
    await act(async () => {
      fireEvent.click(within(warning).getByRole('button', { name: 'Save another' }));
      await Promise.resolve();
    });
    await screen.findByText(/Outcome saved on this phone/);
    expect(await phone.db.outcomes.count()).toBe(2);
  });

  it('starts a new form in the officer’s last area', async () => {
    const phone = await openLogForm('22');
    const thame = (await phone.db.areas.filter((a) => a.name === 'Thame').first())!;
    await phone.db.meta.put({ key: 'lastArea', value: thame.id });
    const actionId = (await phone.db.actions.where('ref').equals('22').first())!.id;
    phone.unmount();
    await renderOnOfflinePhoneWithDb(phone.db, `/actions/${actionId}/log`);
    expect(await screen.findByLabelText('Thame')).toHaveProperty('checked', true);
  });

  it('starts in the last town an earlier release remembered by name, and in no area once that area is retired', async () => {
    const phone = await openLogForm('22');
    await phone.db.meta.put({ key: 'lastTown', value: 'Thame' });
    const actionId = (await phone.db.actions.where('ref').equals('22').first())!.id;
    phone.unmount();
    const again = await renderOnOfflinePhoneWithDb(phone.db, `/actions/${actionId}/log`);
    expect(await screen.findByLabelText('Thame')).toHaveProperty('checked', true);
    again.unmount();

    const thame = (await phone.db.areas.filter((a) => a.name === 'Thame').first())!;
    await phone.db.areas.put({ ...thame, retired: true });
    await renderOnOfflinePhoneWithDb(phone.db, `/actions/${actionId}/log`);
    const areas = await screen.findByRole('group', { name: 'Which area?' });
    expect(within(areas).queryByLabelText(/^Thame/)).toBeNull();
    expect(
      within(areas)
        .getAllByRole('radio')
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);
  });

  it('offers the partnership’s areas in use, by name, and not about one area; never a retired one', async () => {
    const phone = await openLogForm('22');
    const wantage = (await phone.db.areas.filter((a) => a.name === 'Wantage').first())!;
    await phone.db.areas.put({ ...wantage, retired: true });
    const areas = await screen.findByRole('group', { name: 'Which area?' });
    await waitFor(() => expect(within(areas).queryByLabelText('Wantage')).toBeNull());
    expect(
      within(areas)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['Abingdon', 'Didcot', 'Faringdon', 'Henley-on-Thames', 'Thame', 'Wallingford', 'Not about one area']);
  });

  it('gives back a draft an earlier release kept with its town by name, in that town’s area', async () => {
    const phone = await openLogForm('22');
    const actionId = (await phone.db.actions.where('ref').equals('22').first())!.id;
    const v7Form = {
      type: 'training-session',
      details: { attendees: '17' },
      occurredOn: '2026-01-05',
      town: 'Faringdon',
      notes: '',
      location: null,
      placeId: '',
      roughLocationAccepted: false,
    };
    await phone.db.drafts.put({ key: `log:${actionId}`, values: v7Form, updatedAt: new Date().toISOString() });
    phone.unmount();
    await renderOnOfflinePhoneWithDb(phone.db, `/actions/${actionId}/log`);
    expect(await screen.findByTestId('draft-restored')).toBeTruthy();
    expect(screen.getByLabelText('Faringdon')).toHaveProperty('checked', true);
  });
});

async function renderOnOfflinePhoneWithDb(db: Awaited<ReturnType<typeof openLogForm>>['db'], url: string) {
  return renderOnOfflinePhone(routes, url, db);
}

describe('logging again from the home screen', () => {
  it('offers the officer’s last kinds of outcome, and opens a form filled in like it with today’s date', async () => {
    const { MyActionsScreen } = await import('../../src/app/ui/screens/MyActionsScreen');
    const { logOutcome } = await import('../../src/app/data/log-outcome');
    const { outcomeFor } = await import('../support/outcomes');
    const phone = await renderOnOfflinePhone([{ path: '/', element: <MyActionsScreen /> }, ...routes], '/');
    const values = await outcomeFor(phone.db, '19', 0, { town: 'Thame' });
    await logOutcome(phone.db, phone.user, { ...values, occurredOn: '2026-01-05', notes: 'first visit' });

    const again = await screen.findByRole('link', { name: /Ref 19.*Training session · Hotel Watch/ });
    fireEvent.click(again);
    expect(await screen.findByLabelText('Number of attendees')).toHaveProperty('value', '12');
    expect(screen.getByLabelText('Thame')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('When did it happen?')).not.toHaveProperty('value', '2026-01-05');
    expect(screen.getByLabelText('Notes (optional)')).toHaveProperty('value', '');
    // Tap 3: Save.
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(await screen.findByText(/Outcome saved on this phone/)).toBeTruthy();
    expect(await phone.db.outcomes.count()).toBe(2);
  });
});

describe('use my location', () => {
  function phoneReports(coords: { latitude: number; longitude: number; accuracy: number }) {
    // The platform's geolocation, which jsdom lacks: it answers like a phone with this fix.
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords, timestamp: Date.now() } as GeolocationPosition) },
    });
  }

  it('shows a good reading’s accuracy and saves it with the outcome', async () => {
    phoneReports({ latitude: 51.606123456, longitude: -1.241, accuracy: 12.4 });
    const phone = await openLogForm('22');
    await screen.findByLabelText(/^Training session/);
    fillHateCrimeTraining('14');
    fireEvent.click(screen.getByRole('button', { name: 'Use my location' }));
    expect((await screen.findByTestId('location-reading')).textContent).toBe('Accurate to within 12 m.');
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    await screen.findByText(/Outcome saved on this phone/);
    expect((await phone.db.outcomes.toArray())[0]!.location).toEqual({ lat: 51.60612, lng: -1.241, accuracyM: 12 });
  });

  it('flags a reading worse than 100 m and keeps it only when the officer says so', async () => {
    phoneReports({ latitude: 51.6, longitude: -1.24, accuracy: 850 });
    const phone = await openLogForm('22');
    await screen.findByLabelText(/^Training session/);
    fillHateCrimeTraining('14');
    fireEvent.click(screen.getByRole('button', { name: 'Use my location' }));
    expect((await screen.findByTestId('location-reading')).textContent).toBe('Only accurate to within 850 m.');
    // Saved without "Keep it anyway": the rough reading is left out, not silently kept.
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    await screen.findByText(/Outcome saved on this phone/);
    expect((await phone.db.outcomes.toArray())[0]!.location).toBeNull();
  });

  it('keeps a rough reading the officer accepted', async () => {
    phoneReports({ latitude: 51.6, longitude: -1.24, accuracy: 850 });
    const phone = await openLogForm('22');
    await screen.findByLabelText(/^Training session/);
    fillHateCrimeTraining('14');
    fireEvent.click(screen.getByRole('button', { name: 'Use my location' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep it anyway' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    await screen.findByText(/Outcome saved on this phone/);
    expect((await phone.db.outcomes.toArray())[0]!.location).toEqual({ lat: 51.6, lng: -1.24, accuracyM: 850 });
  });

  it('is not offered for a sanction, where a point could locate a home', async () => {
    await openLogForm('2');
    await screen.findByRole('button', { name: 'Save outcome' });
    expect(screen.queryByRole('button', { name: 'Use my location' })).toBeNull();
  });
});

describe('adding photos', () => {
  it('refuses a file that is not a photo, and one too large, beside the field, and keeps nothing', async () => {
    await openLogForm('22');
    fireEvent.click(await screen.findByLabelText(/^Training session/));
    const input = screen.getByLabelText('Photos (optional)');
    expect(input.getAttribute('accept')).toBe('image/*');
    const notAPhoto = new File(['name,town'], 'list.csv', { type: 'text/csv' });
    // A 50 MB "photo": refused on its size before the phone tries to decode it.
    const huge = new File([new Uint8Array(1)], 'huge.jpg', { type: 'image/jpeg' });
    Object.defineProperty(huge, 'size', { value: 50_000_000 });
    fireEvent.change(input, { target: { files: [notAPhoto, huge] } });
    const field = input.closest('.form-group') as HTMLElement;
    await waitFor(() => expect(field.querySelector('.error-message')?.textContent).toContain('list.csv: That file is not a photo.'));
    expect(field.querySelector('.error-message')?.textContent).toContain('huge.jpg: That photo is too large (50 MB). Choose one under 30 MB.');
    expect(within(field).queryAllByRole('img')).toHaveLength(0);
  });
});

describe('changing an outcome whose area has been retired since', () => {
  it('shows its area marked retired and keeps it, with the name it was logged under, unless changed', async () => {
    const { EditOutcomeScreen } = await import('../../src/app/ui/screens/EditOutcomeScreen');
    const { logOutcome } = await import('../../src/app/data/log-outcome');
    const { outcomeFor } = await import('../support/outcomes');
    const phone = await renderOnOfflinePhone([{ path: '/outcomes/:outcomeId/edit', element: <EditOutcomeScreen /> }, ...routes], '/');
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22', 0, { town: 'Thame' }));
    // Renamed, then retired, since it was logged.
    const thame = (await phone.db.areas.get(logged.areaId!))!;
    await phone.db.areas.put({ ...thame, name: 'Thame Town', retired: true });
    phone.unmount();

    await renderOnOfflinePhone([{ path: '/outcomes/:outcomeId/edit', element: <EditOutcomeScreen /> }, ...routes], `/outcomes/${logged.id}/edit`, phone.db);
    const areas = await screen.findByRole('group', { name: 'Which area?' });
    expect(within(areas).getByLabelText('Thame Town (retired)')).toHaveProperty('checked', true);
    fireEvent.change(screen.getByLabelText('Notes (optional)'), { target: { value: 'changed the notes only' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/Changes saved on this phone/);
    expect(await phone.db.outcomes.get(logged.id)).toMatchObject({ areaId: thame.id, town: 'Thame', notes: 'changed the notes only' });
    const queued = (await phone.db.outbox.toArray()).at(-1)!;
    expect(queued.args).toMatchObject({ changes: { notes: 'changed the notes only' } });
    expect(Object.keys((queued.args as { changes: object }).changes)).toEqual(['notes']);
  });
});
