import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import PlanNotices from '../../src/app/ui/components/PlanNotices';
import { applyPullPage } from '../../src/app/sync/pull-changes';
import { emptyChanges } from '../../src/domain/sync/pull';
import { logOutcome } from '../../src/app/data/log-outcome';
import { renderOnOfflinePhone } from './render-device';
import { outcomeFor } from '../support/outcomes';

/**
 * An officer whose phone pulls a merge of an action they logged against, and a renumbering of
 * one they own, is told once, in words, until they say they have read it.
 */
describe('plan-change notices', () => {
  it('tells the officer what a coordinator changed under their work, and goes when dismissed', async () => {
    const phone = await renderOnOfflinePhone([{ path: '*', element: <PlanNotices /> }], '/');
    const ref22 = (await phone.db.actions.where('ref').equals('22').first())!;
    const ref21 = (await phone.db.actions.where('ref').equals('21').first())!;
    const ref3 = (await phone.db.actions.where('ref').equals('3').first())!;
    await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '21'));
    expect(screen.queryByTestId('plan-notices')).toBeNull();

    const changes = emptyChanges();
    changes.removals.push({ id: ref21.id, table: 'actions', planId: ref21.planId, mergedInto: ref22.id, removedAt: '2026-11-20T10:00:00.000Z' });
    changes.actions.push({ ...ref3, ref: '3a' });
    await applyPullPage(phone.db, { reset: false, changes, cursor: 'after-merge', more: false }, phone.user.id);

    const banner = await screen.findByTestId('plan-notices');
    await waitFor(() => expect(banner.textContent).toContain('Ref 21'));
    expect(banner.textContent).toMatch(/Ref 21 \(“.+”\) was merged into ref 22 \(“.+”\)\. The outcome you logged against it is now under the other action\./);
    expect(banner.textContent).toMatch(/Ref 3 \(“.+”\) is now ref 3a\. What you logged stays with it\./);
    // The waiting outcome follows its action on the phone too.
    expect((await phone.db.outcomes.toArray()).map((o) => o.actionId)).toEqual([ref22.id]);

    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    await waitFor(() => expect(screen.queryByTestId('plan-notices')).toBeNull());
    expect(await phone.db.notices.count()).toBe(0);
  });
});
