import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { LogOutcomeScreen } from '../../src/app/ui/screens/LogOutcomeScreen';
import { ActionScreen } from '../../src/app/ui/screens/ActionScreen';
import { renderOnOfflinePhone } from './render-device';

const routes = [
  { path: '/actions/:actionId/log', element: <LogOutcomeScreen /> },
  { path: '/actions/:actionId', element: <ActionScreen /> },
];
const openLogForm = (ref: string) => renderOnOfflinePhone(routes, async (idOf) => `/actions/${await idOf(ref)}/log`);
const ATTENDEES = 'two training sessions held, number of attendees and location';

describe('logging an outcome', () => {
  it('lists every problem in an error summary, links each to its field, and saves nothing', async () => {
    const phone = await openLogForm('22');
    fireEvent.click(await screen.findByRole('button', { name: 'Save outcome' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('There is a problem')).toBeTruthy();
    const links = within(summary)
      .getAllByRole('link')
      .map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Choose what this outcome counts towards', '#measure'],
      ['Choose the town, or say it is not about one town', '#town'],
    ]);
    expect(document.activeElement).toBe(summary);
    expect(await phone.db.outcomes.count()).toBe(0);
  });

  it('asks how many only for a measure that counts something, and wants a whole number', async () => {
    await openLogForm('22');
    await screen.findByRole('button', { name: 'Save outcome' });
    expect(screen.queryByLabelText('How many?')).toBeNull();
    fireEvent.click(screen.getByLabelText(ATTENDEES));
    const quantity = await screen.findByLabelText('How many?');
    expect(quantity.getAttribute('inputmode')).toBe('numeric');
    fireEvent.change(quantity, { target: { value: 'twelve' } });
    fireEvent.click(screen.getByLabelText('Didcot'));
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Enter a whole number, like 12');
  });

  it('saves to the phone at once, queues it, and shows it waiting to sync on the action', async () => {
    const phone = await openLogForm('22');
    fireEvent.click(await screen.findByLabelText(ATTENDEES));
    fireEvent.change(await screen.findByLabelText('How many?'), { target: { value: '14' } });
    fireEvent.click(screen.getByLabelText('Wantage'));
    fireEvent.change(screen.getByLabelText('Notes (optional)'), { target: { value: 'RSL staff session' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));

    expect(await screen.findByText('Outcome saved on this phone. It syncs by itself when there is signal.')).toBeTruthy();
    const [saved] = await phone.db.outcomes.toArray();
    expect(saved).toMatchObject({ quantity: 14, town: 'Wantage', notes: 'RSL staff session', syncState: 'pending' });
    expect(await phone.db.outbox.count()).toBe(1);
    const tally = (await screen.findAllByTestId('measure-tally'))[0]!;
    expect(tally.textContent).toContain('14 attendees');
    expect(tally.textContent).toContain('14 waiting to sync');
    expect(within(screen.getByTestId('outcome-list')).getByText('Saved on this phone')).toBeTruthy();
  });
});
