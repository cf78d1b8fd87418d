import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MyOutcomesScreen, OUTCOME_ROWS_SHOWN } from '../../src/app/ui/screens/MyOutcomesScreen';
import { logOutcome } from '../../src/app/data/log-outcome';
import { outcomeFor } from '../support/outcomes';
import { renderOnOfflinePhone } from './render-device';

const TOWNS = ['Didcot', 'Wantage', 'Abingdon'];

/**
 * "Your outcomes" on a phone with more outcomes than a screen can show, saved by the app's own
 * save path: newest first, filtered as the officer types on type, action, town and notes, with a
 * count line that says how many match and how to narrow them. Notes are searched, never shown.
 */
describe('your outcomes, filtered as you type', () => {
  it('counts, draws the newest, filters on town, ref and notes, and says when nothing matches', async () => {
    const phone = await renderOnOfflinePhone([{ path: '*', element: <MyOutcomesScreen /> }], '/outcomes');
    const start = Date.now() - 100 * 60_000;
    for (let i = 0; i < 60; i++) {
      const ref = i % 2 === 0 ? '22' : '3';
      const notes = i === 7 ? 'Spoke to the pharmacist, confidential concern raised' : `Visit ${i}`;
      const values = await outcomeFor(phone.db, ref, 0, { town: TOWNS[i % 3]!, notes });
      await logOutcome(phone.db, phone.user, values, new Date(start + i * 60_000), { confirmDuplicate: true });
    }
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toBe(`60 outcomes on this phone. Showing the newest ${OUTCOME_ROWS_SHOWN}: search to find the others.`));
    const list = screen.getByRole('list', { name: 'Outcomes' });
    expect(within(list).getAllByRole('link')).toHaveLength(OUTCOME_ROWS_SHOWN);
    // Newest first: the last one saved (i = 59, ref 3, Abingdon) heads the list.
    expect(within(list).getAllByRole('link')[0]!.textContent).toMatch(/Ref 3.*Abingdon/);

    const box = screen.getByLabelText('Search your outcomes');
    fireEvent.change(box, { target: { value: 'didcot' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('20 of 60 outcomes match.'));
    const didcot = within(screen.getByRole('list', { name: 'Outcomes' })).getAllByRole('link');
    expect(didcot).toHaveLength(20);
    for (const row of didcot) expect(row.textContent).toContain('Didcot');

    fireEvent.change(box, { target: { value: 'Ref 22 Didcot' } });
    // i even and i % 3 === 0: i = 0, 6, …, 54.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('10 of 60 outcomes match.'));

    fireEvent.change(box, { target: { value: 'pharmacist' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 of 60 outcomes matches.'));
    const [found] = within(screen.getByRole('list', { name: 'Outcomes' })).getAllByRole('link');
    expect(found!.textContent).toMatch(/Ref 3.*Wantage/);
    expect(document.body.textContent).not.toContain('pharmacist');
    expect(document.body.textContent).not.toContain('confidential');

    fireEvent.change(box, { target: { value: 'zebra crossing' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No outcomes match. Check the spelling or try fewer words.'));
    expect(screen.queryByRole('list', { name: 'Outcomes' })).toBeNull();

    fireEvent.change(box, { target: { value: '' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^60 outcomes on this phone/));
  }, 60_000);

  it('opening with outcomes already on the phone and typing at once: never a count that is not the whole one', async () => {
    const first = await renderOnOfflinePhone([{ path: '*', element: <p>Elsewhere</p> }], '/');
    // 1,200 outcomes (more than one page of the index), as a pull leaves them: saved by the app
    // once per ref, then copies with their own ids, times and towns.
    const logged = [
      await logOutcome(first.db, first.user, await outcomeFor(first.db, '22'), undefined, { confirmDuplicate: true }),
      await logOutcome(first.db, first.user, await outcomeFor(first.db, '3'), undefined, { confirmDuplicate: true }),
    ];
    const start = Date.parse('2026-06-01T09:00:00Z');
    const areaIds = new Map((await first.db.areas.toArray()).map((a) => [a.name, a.id]));
    await first.db.outcomes.bulkPut(
      Array.from({ length: 1200 }, (_, i) => ({
        ...logged[i % 2]!,
        id: crypto.randomUUID(),
        recordedAt: new Date(start + Math.floor(i / 4) * 60_000).toISOString(),
        town: TOWNS[i % 3]!,
        areaId: areaIds.get(TOWNS[i % 3]!),
        notes: `Visit ${i}`,
      })),
    );
    await first.db.outcomes.bulkDelete(logged.map((o) => o.id));
    first.unmount();

    // Every status line the screen shows, from its first frame.
    const seen: string[] = [];
    const watcher = new MutationObserver(() => {
      const status = document.querySelector('p[role=status]')?.textContent;
      const rows = document.querySelectorAll('ul[aria-label="Outcomes"] li').length;
      if (status && seen.at(-1) !== `${status} | ${rows}`) seen.push(`${status} | ${rows}`);
    });
    watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
    await renderOnOfflinePhone([{ path: '*', element: <MyOutcomesScreen /> }], '/outcomes', first.db);
    fireEvent.change(await screen.findByLabelText('Search your outcomes'), { target: { value: 'wantage' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^400 of 1,200 outcomes match\./));
    watcher.disconnect();
    // Loading, then possibly the newest while the index is read, then a search waiting for it: a
    // search never answers from part of the outcomes, and the newest are not drawn as its results.
    const allowed = [
      /^Loading… \| 0$/,
      /^Your newest 50 outcomes\. Reading the others on this phone… \| 50$/,
      /^Searching all your outcomes on this phone… \| 0$/,
      /^1,200 outcomes on this phone\. Showing the newest 50: search to find the others\. \| 50$/,
      /^400 of 1,200 outcomes match\. Showing 50 of 400: add a word to narrow your search\. \| 50$/,
    ];
    for (const line of seen)
      expect(
        allowed.some((a) => a.test(line)),
        line,
      ).toBe(true);
    expect(seen.at(-1)).toBe('400 of 1,200 outcomes match. Showing 50 of 400: add a word to narrow your search. | 50');
  }, 60_000);

  it('says so when the officer has logged nothing on this phone', async () => {
    await renderOnOfflinePhone([{ path: '*', element: <MyOutcomesScreen /> }], '/outcomes');
    expect((await screen.findByText('You have no outcomes on this phone yet.')).getAttribute('role')).toBe('status');
  });
});
