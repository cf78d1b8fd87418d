import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { coordinatorApi, type CoordinatorApi } from '../../src/app/api/coordinator-api';
import { logOutcome } from '../../src/app/data/log-outcome';
import { editOutcome } from '../../src/app/data/change-outcome';
import { QuarterLockedError, quarterLockReason } from '../../src/app/data/quarter-lock';
import { appendToOutbox, writeQueued } from '../../src/app/db/outbox';
import { isLate, signOffCovering } from '../../src/domain/review';
import { refusalOf } from '../support/api-refusal';

/**
 * The quarterly review through the real server: a coordinator reviews an action and signs the
 * quarter off; an officer's phone then cannot change an outcome dated in it (the phone says so
 * first, and the server refuses what an old phone sends anyway); a late outcome is marked late.
 */
let server: TestServer;
let coordinator: TestDevice;
let officer: TestDevice;
let admin: CoordinatorApi;
const Q2 = '2018-07-01';
beforeAll(async () => {
  server = await startTestServer();
  coordinator = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
  officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  admin = coordinatorApi(coordinator.api);
  await Promise.all([coordinator.sync.syncNow(), officer.sync.syncNow()]);
});
afterAll(() => server.close());

describe('the quarterly review', () => {
  it('locks a signed-off quarter for officers, marks what arrives later as late, and reopens', async () => {
    const ref3 = (await officer.db.actions.where('ref').equals('3').first())!;
    const inQ2 = await logOutcome(officer.db, officer.user, await outcomeFor(officer.db, '3', 1, { occurredOn: '2018-08-14' }));
    await officer.sync.syncNow();

    await admin.saveReview(ref3.id, Q2, { rag: 'amber', commentary: 'Two towns so far', remedialAction: 'Visit Faringdon traders in October' });
    await admin.signOff(ref3.planId, Q2);
    // Signing off again changes nothing; a review of a signed-off quarter is refused until it is reopened.
    await admin.signOff(ref3.planId, Q2);
    expect((await refusalOf(admin.saveReview(ref3.id, Q2, { rag: 'red', commentary: '', remedialAction: '' }))).status).toBe(409);

    await Promise.all([officer.sync.syncNow(), coordinator.sync.syncNow()]);
    // Everyone gets the sign-off; only coordinators get the reviews.
    expect(await officer.db.signOffs.count()).toBe(1);
    expect(await officer.db.reviews.count()).toBe(0);
    expect(await coordinator.db.reviews.toArray()).toEqual([
      expect.objectContaining({ actionId: ref3.id, quarterStart: Q2, rag: 'amber', commentary: 'Two towns so far', updatedByName: 'Jo Bennett' }),
    ]);

    // The officer's phone refuses the change before it is queued, and says why.
    const stored = (await officer.db.outcomes.get(inQ2.id))!;
    expect(await quarterLockReason(officer.db, officer.user, stored)).toMatch(
      /^Q2 2018\/19 \(Jul–Sep 2018\) was signed off by Jo Bennett on \d+ \w+ \d{4}: outcomes dated in it can no longer be changed/,
    );
    expect(await quarterLockReason(coordinator.db, coordinator.user, stored)).toBeNull();
    // Moving an outcome into the quarter is locked too.
    const inQ3 = await logOutcome(officer.db, officer.user, await outcomeFor(officer.db, '3', 1, { occurredOn: '2018-10-02', town: 'Wantage' }));
    expect(await quarterLockReason(officer.db, officer.user, inQ3, '2018-09-30')).not.toBeNull();

    // The phone's own command refuses the change, whoever calls it.
    const change = { ...(await outcomeFor(officer.db, '3', 1)), occurredOn: '2018-08-14', town: 'Thame' };
    await expect(editOutcome(officer.db, officer.user, inQ2.id, change)).rejects.toThrow(QuarterLockedError);
    // A phone that does not know yet (an old release, before that check) sends the change anyway,
    // queued as it queued it: the server refuses it.
    await writeQueued(officer.db, [officer.db.outcomes], async () => {
      await officer.db.outcomes.put({ ...stored, town: 'Thame', syncState: 'pending' });
      await appendToOutbox(
        officer.db,
        { kind: 'outcome.update', recordId: inQ2.id, args: { id: inQ2.id, baseVersion: stored.version ?? 0, changes: { town: 'Thame' } } },
        new Date(),
      );
    });
    await officer.sync.syncNow();
    const refused = (await officer.db.outcomes.get(inQ2.id))!;
    expect(refused.syncState).toBe('rejected');
    expect(refused.rejection).toMatchObject({ code: 'forbidden' });
    expect((await server.storage.transaction((tx) => tx.outcomes.find(inQ2.id)))!.town).toBe('Didcot');

    // A new outcome dated in the signed-off quarter is accepted, and is late. (The test server's
    // clock stands still unless moved: an hour passes.)
    server.clock.now = new Date(server.clock.now.getTime() + 3_600_000);
    const late = await logOutcome(officer.db, officer.user, await outcomeFor(officer.db, '3', 1, { occurredOn: '2018-09-20', town: 'Thame' }));
    await officer.sync.syncNow();
    const lateStored = (await coordinator.sync.syncNow(), await coordinator.db.outcomes.get(late.id))!;
    const signOffs = await coordinator.db.signOffs.toArray();
    expect(isLate(lateStored, signOffCovering(signOffs, ref3.planId, lateStored.occurredOn))).toBe(true);
    expect(isLate((await coordinator.db.outcomes.get(inQ2.id))!, signOffCovering(signOffs, ref3.planId, '2018-08-14'))).toBe(false);

    // Reopened, the quarter is open to officers again.
    await admin.reopen(ref3.planId, Q2);
    await officer.sync.syncNow();
    expect(await quarterLockReason(officer.db, officer.user, stored)).toBeNull();
  });

  it('refuses what is not a quarter, a quarter outside the plan, and a quarter not yet over', async () => {
    const ref3 = (await coordinator.db.actions.where('ref').equals('3').first())!;
    expect((await refusalOf(admin.saveReview(ref3.id, '2018-08-01', { rag: null, commentary: '', remedialAction: '' }))).body.fieldErrors).toEqual([
      { path: 'quarterStart', message: 'Choose a quarter' },
    ]);
    expect((await refusalOf(admin.signOff(ref3.planId, '2020-04-01'))).body.fieldErrors).toEqual([
      { path: 'quarterStart', message: 'Choose a quarter of the plan' },
    ]);
    server.clock.now = new Date('2018-09-15T12:00:00Z');
    try {
      expect((await refusalOf(admin.signOff(ref3.planId, Q2))).message).toMatch(/has not ended yet/);
    } finally {
      server.clock.now = new Date();
    }
    expect((await refusalOf(coordinatorApi(officer.api).signOff(ref3.planId, '2018-04-01'))).status).toBe(403);
  });
});
