import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SearchScreen, SEARCH_RESULTS_SHOWN } from '../../src/app/ui/screens/SearchScreen';
import { renderOnOfflinePhone } from './render-device';

/**
 * The plan search on a phone holding more actions than a screen can show: every match is
 * counted, only the first ones are drawn, and the officer is told to narrow it; a query that
 * matches a few draws them all.
 */
describe('the plan search', () => {
  it('counts every match, draws the first ones and says how to narrow them', async () => {
    const phone = await renderOnOfflinePhone([{ path: '*', element: <SearchScreen /> }], '/search');
    const ref3 = (await phone.db.actions.where('ref').equals('3').first())!;
    const extra = Array.from({ length: 120 }, (_, i) => ({
      ...ref3,
      id: crypto.randomUUID(),
      ref: `9${i}`,
      text: `Extra bench action ${i}`,
      position: 1000 + i,
    }));
    await phone.db.actions.bulkPut(extra);

    fireEvent.change(screen.getByLabelText('Ref or words'), { target: { value: 'extra bench' } });
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toBe(`120 actions match. The first ${SEARCH_RESULTS_SHOWN} are shown: add a word or a ref to narrow them.`));
    expect(screen.getAllByRole('link')).toHaveLength(SEARCH_RESULTS_SHOWN);
    expect(screen.getAllByRole('link')[0]!.textContent).toContain('Extra bench action 0');

    fireEvent.change(screen.getByLabelText('Ref or words'), { target: { value: 'extra bench action 11' } });
    // 11 and 110–119.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('11 actions match.'));
    expect(screen.getAllByRole('link')).toHaveLength(11);

    fireEvent.change(screen.getByLabelText('Ref or words'), { target: { value: 'ref 95' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 action matches.'));
    // jsdom draws fifty cards slowly on a loaded machine; the default 5 s is not enough there.
  }, 30_000);
});
