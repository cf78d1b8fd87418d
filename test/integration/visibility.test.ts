import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor, sampleDetails, inArea } from '../support/outcomes';
import { addOtherPartnership, addUser } from '../support/seed-extra';
import { logOutcome } from '../../src/app/data/log-outcome';
import { loadPeriodProgress } from '../../src/app/data/period-progress';
import { localIsoDate } from '../../src/domain/primitives';
import { loadActionDetail } from '../../src/app/data/action-detail';

let server: TestServer;
let other: Awaited<ReturnType<typeof addOtherPartnership>>;
beforeAll(async () => {
  server = await startTestServer();
  other = await addOtherPartnership(server.storage);
});
afterAll(() => server.close());

describe('who sees what', () => {
  it('never sends a user anything from a partnership they do not belong to', async () => {
    const outsider = await signedInDevice(server.url, other.officer.email, other.officer.password);
    const theirs = await logOutcome(
      outsider.db,
      outsider.user,
      await pullThen(outsider, () => ({
        actionId: other.action.id,
        type: other.measure.tally.outcomeType,
        details: sampleDetails(other.measure.tally.outcomeType, other.measure.tally.where),
        occurredOn: '2026-01-10',
        town: 'Elsewhere',
        location: null,
        placeId: null,
        notes: 'their note',
      })),
    );
    await outsider.sync.syncNow();

    const officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    const page = await officer.api.pull(undefined, 5000);
    const ids = Object.values(page.changes).flatMap((rows) => rows.map((r) => r.id));
    expect(ids).not.toContain(other.partnershipId);
    expect(ids).not.toContain(other.action.id);
    expect(ids).not.toContain(theirs.id);
    expect(page.changes.partnerships.map((p) => p.name)).toEqual(['South and Vale Community Safety Partnership']);
  });

  it('shows officers the numbers of everyone’s outcomes but only their own notes; coordinators see all notes', async () => {
    const partnershipId = (await signedInDevice(server.url, OFFICER.email, OFFICER.password)).user.memberships[0]!.partnershipId;
    const colleague = await addUser(server.storage, partnershipId, 'officer', 'colleague@southandvale.example');
    const officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    const peer = await signedInDevice(server.url, colleague.email, colleague.password);
    await officer.sync.syncNow();
    await peer.sync.syncNow();
    const values = await outcomeFor(officer.db, '22');
    const mine = await logOutcome(officer.db, officer.user, { ...values, notes: 'my note', details: { ...values.details, attendees: 9 } });
    const theirs = await logOutcome(peer.db, peer.user, {
      ...values,
      notes: 'colleague note',
      details: { ...values.details, attendees: 4 },
      ...(await inArea(peer.db, 'Wantage')),
    });
    await officer.sync.syncNow();
    await peer.sync.syncNow();
    await officer.sync.syncNow();

    const onOfficerPhone = await officer.db.outcomes.get(theirs.id);
    expect(onOfficerPhone).toMatchObject({ details: { attendees: 4 }, town: 'Wantage', notes: null, authorName: expect.stringContaining('colleague') });
    expect((await officer.db.outcomes.get(mine.id))?.notes).toBe('my note');

    const coordinator = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
    await coordinator.sync.syncNow();
    expect((await coordinator.db.outcomes.get(theirs.id))?.notes).toBe('colleague note');
    expect((await coordinator.db.outcomes.get(mine.id))?.notes).toBe('my note');
  });

  it('gives the coordinator the outcomes counted under their measures, as the officer’s phone counts them', async () => {
    const officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await officer.sync.syncNow();
    const coordinator = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
    await coordinator.sync.syncNow();
    // Ref 7's first measure counts meetings with service providers, by town (null: not about one town).
    const ref7 = await outcomeFor(officer.db, '7', 0, { town: null });
    const counted = async () => (await loadActionDetail(coordinator.db, ref7.actionId))!.measures[0]!.tally;
    const before = await counted();

    await logOutcome(officer.db, officer.user, ref7);
    await logOutcome(officer.db, officer.user, { ...ref7, ...(await inArea(officer.db, 'Thame')) });
    await officer.sync.syncNow();
    await coordinator.sync.syncNow();

    // The progress screen's period "everything logged": from the plan's start to today.
    const plan = (await coordinator.db.plans.toArray())[0]!;
    const today = localIsoDate(new Date());
    const progress = await loadPeriodProgress(coordinator.db, plan.id, { start: plan.periodStart, end: today, label: 'Everything logged' }, today);
    const action = progress!.rows.find((a) => a.action.ref === '7')!;
    const measure = action.measures[0]!;
    const tally = measure.progress.inPeriod;
    expect(measure.measure.text).toBe('meetings with service providers held');
    expect(tally.outcomeCount).toBe(before.outcomeCount + 2);
    expect(tally.figures[0]).toMatchObject({ figure: { kind: 'count' }, value: before.figures[0]!.value + 2 });
    expect(tally.figures[0]!.byTown).toEqual(
      expect.arrayContaining([
        { town: 'Thame', value: expect.any(Number) },
        { town: null, value: expect.any(Number) },
      ]),
    );
    expect(tally).toEqual(await counted());
    const officerView = (await loadActionDetail(officer.db, ref7.actionId))!.measures[0]!.tally;
    const coordinatorView = (await loadActionDetail(coordinator.db, ref7.actionId))!.measures[0]!.tally;
    expect(coordinatorView).toEqual(officerView);
  });
});

/** Pulls the plan, then builds form values from it. */
async function pullThen<T>(device: { sync: { syncNow(): Promise<void> } }, values: () => T): Promise<T> {
  await device.sync.syncNow();
  return values();
}
