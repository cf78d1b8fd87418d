import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { outcomeFor } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { logOutcome } from '../../../src/app/data/log-outcome';
import { deleteOutcome, editOutcome } from '../../../src/app/data/change-outcome';
import { QuarterLockedError } from '../../../src/app/data/quarter-lock';
import type { Role } from '../../../src/domain/user';

// A rule that guards a write lives in the command, so no caller can go round it: editOutcome and
// deleteOutcome themselves refuse to change an outcome of a signed-off quarter, or to move one
// into it, for an officer (not only the screens' useChangeOutcome). Nothing is queued when refused.

const Q2 = { quarterStart: '2018-07-01', quarterEnd: '2018-09-30' };

async function phoneWithSignedOffQ2(role: Role) {
  const db = newTestDb();
  const id = crypto.randomUUID();
  await applyPullPage(db, southAndValePage(id), id);
  const partnershipId = (await db.partnerships.toArray())[0]!.id;
  const user = { id, name: 'Sam Patel', memberships: [{ partnershipId, partnershipName: 'South and Vale', role, jobTitle: '' }] };
  const inQ2 = await logOutcome(db, user, await outcomeFor(db, '3', 1, { occurredOn: '2018-08-14' }));
  const inQ3 = await logOutcome(db, user, await outcomeFor(db, '3', 1, { occurredOn: '2018-10-02', town: 'Wantage' }));
  const planId = (await db.actions.get(inQ2.actionId))!.planId;
  await db.signOffs.add({ id: crypto.randomUUID(), planId, ...Q2, signedOffAt: '2018-10-05T09:00:00.000Z', signedOffByName: 'Jo Bennett', reopenedAt: null });
  return { db, user, inQ2, inQ3 };
}

describe('the quarter lock, checked by the commands', () => {
  it('refuses an officer’s edit and delete of an outcome dated in a signed-off quarter, and queues nothing', async () => {
    const { db, user, inQ2 } = await phoneWithSignedOffQ2('officer');
    const queued = await db.outbox.count();

    await expect(editOutcome(db, user, inQ2.id, { ...(await outcomeFor(db, '3', 1)), occurredOn: '2018-08-14', town: 'Thame' })).rejects.toThrow(
      QuarterLockedError,
    );
    await expect(deleteOutcome(db, user, inQ2.id)).rejects.toThrow(
      /^Q2 2018\/19 \(Jul–Sep 2018\) was signed off by Jo Bennett on 5 \w+ 2018: outcomes dated in it can no longer be changed/,
    );

    expect(await db.outbox.count()).toBe(queued);
    expect(await db.outcomes.get(inQ2.id)).toMatchObject({ town: 'Didcot', localDeleted: false });
  });

  it('refuses an officer’s move of an outcome into a signed-off quarter', async () => {
    const { db, user, inQ3 } = await phoneWithSignedOffQ2('officer');

    await expect(editOutcome(db, user, inQ3.id, { ...(await outcomeFor(db, '3', 1)), occurredOn: '2018-09-30', town: 'Wantage' })).rejects.toThrow(
      QuarterLockedError,
    );
    expect((await db.outcomes.get(inQ3.id))!.occurredOn).toBe('2018-10-02');
  });

  it('lets a coordinator correct it', async () => {
    const { db, user, inQ2 } = await phoneWithSignedOffQ2('coordinator');

    const edited = await editOutcome(db, user, inQ2.id, { ...(await outcomeFor(db, '3', 1)), occurredOn: '2018-08-14', town: 'Thame' });
    await deleteOutcome(db, user, inQ2.id);

    expect(edited.town).toBe('Thame');
    expect((await db.outbox.toArray()).map((e) => e.kind)).toEqual(['outcome.create', 'outcome.create', 'outcome.update', 'outcome.delete']);
  });
});
