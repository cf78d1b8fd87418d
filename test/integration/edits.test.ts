import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { formValuesOf, outcomeFor } from '../support/outcomes';
import { addUser } from '../support/seed-extra';
import { logOutcome, type OutcomeFormValues } from '../../src/app/data/log-outcome';
import type { LocalOutcome } from '../../src/app/db/local-records';
import { deleteOutcome, discardRejected, editOutcome, resendOutcome } from '../../src/app/data/change-outcome';
import { loadActionDetail } from '../../src/app/data/action-detail';
import { pullAll } from '../../src/app/sync/pull-changes';
import { appendToOutbox } from '../../src/app/db/outbox';
import type { OutcomeHistoryEntry } from '../../src/domain/outcome-history';
import { demoPartnershipId } from '../support/demo-partnership';

let server: TestServer;
let partnershipId: string;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
});
afterAll(() => server.close());

async function device(who: { email: string; password: string }): Promise<TestDevice> {
  const d = await signedInDevice(server.url, who.email, who.password);
  await d.sync.syncNow();
  return d;
}
const onServer = (id: string) => server.storage.transaction((tx) => tx.outcomes.find(id));
const history = async (coordinator: TestDevice, id: string) =>
  ((await (await coordinator.fetch(`${server.url}/api/partnerships/${partnershipId}/outcomes/${id}/history`)).json()) as { entries: OutcomeHistoryEntry[] })
    .entries;
/** The outcome's form values with the number of attendees changed (an edit replaces the whole details). */
const withAttendees = (o: LocalOutcome, attendees: number): OutcomeFormValues => ({ ...formValuesOf(o), details: { ...o.details, attendees } });

describe('editing and deleting outcomes', () => {
  it('sends only the changed fields; concurrent edits of different fields both stand', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'), undefined, { confirmDuplicate: true });
    await phone.sync.syncNow();
    await desk.sync.syncNow();

    await editOutcome(phone.db, phone.user, logged.id, withAttendees(logged, 20));
    const atDesk = (await desk.db.outcomes.get(logged.id))!;
    const thame = (await desk.db.areas.filter((a) => a.name === 'Thame').first())!;
    await editOutcome(desk.db, desk.user, logged.id, { ...formValuesOf(atDesk), town: 'Thame', areaId: thame.id });
    await phone.sync.syncNow();
    await desk.sync.syncNow();
    await phone.sync.syncNow();

    const details = { ...logged.details, attendees: 20 };
    expect(await onServer(logged.id)).toMatchObject({ details, town: 'Thame' });
    for (const d of [phone, desk]) expect(await d.db.outcomes.get(logged.id)).toMatchObject({ details, town: 'Thame', syncState: 'synced' });
    const entries = await history(desk, logged.id);
    // The area changes with its name as chosen: both fields, each from the desk's one edit.
    expect(entries.map((e) => [e.field, e.from, e.to, e.conflict])).toEqual([
      ['details', logged.details, details, false],
      ['areaId', atDesk.areaId, thame.id, false],
      ['town', 'Didcot', 'Thame', false],
    ]);
  });

  it('on the same field the later arrival wins, and the value it replaced is kept in the history', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'), undefined, { confirmDuplicate: true });
    await phone.sync.syncNow();
    await desk.sync.syncNow();

    await editOutcome(phone.db, phone.user, logged.id, withAttendees(logged, 5));
    await editOutcome(desk.db, desk.user, logged.id, withAttendees((await desk.db.outcomes.get(logged.id))!, 7));
    await phone.sync.syncNow(); // arrives first
    await desk.sync.syncNow(); // arrives later, based on the version before the phone's edit
    await phone.sync.syncNow();

    expect((await onServer(logged.id))?.details.attendees).toBe(7);
    expect((await phone.db.outcomes.get(logged.id))?.details.attendees).toBe(7);
    const entries = await history(desk, logged.id);
    const attendees = (n: number) => ({ ...logged.details, attendees: n });
    expect(entries.map((e) => [e.field, e.from, e.to, e.conflict, e.actorName])).toEqual([
      ['details', attendees(12), attendees(5), false, 'Sam Patel'],
      ['details', attendees(5), attendees(7), true, 'Jo Bennett'],
    ]);
  });

  it('records a delete as a tombstone every device applies, kept with its history on the server', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const values = await outcomeFor(phone.db, '22');
    const logged = await logOutcome(phone.db, phone.user, { ...values, details: { ...values.details, attendees: 30 } }, undefined, { confirmDuplicate: true });
    await phone.sync.syncNow();
    await desk.sync.syncNow();
    // Ref 22 measure 0 counts hate crime training sessions (figure 0) and adds up their attendees (figure 1).
    const figures = async (d: TestDevice) => (await loadActionDetail(d.db, logged.actionId))!.measures[0]!.tally.figures.map((f) => f.value);
    const [sessionsBefore, attendeesBefore] = await figures(desk);

    await deleteOutcome(phone.db, phone.user, logged.id);
    expect((await loadActionDetail(phone.db, logged.actionId))!.outcomes.map((o) => o.id)).not.toContain(logged.id);
    await phone.sync.syncNow();
    await desk.sync.syncNow();

    expect(await onServer(logged.id)).toMatchObject({ notes: 'Outcome for ref 22', deletedAt: expect.any(String) });
    expect(await figures(desk)).toEqual([sessionsBefore! - 1, attendeesBefore! - 30]);
    const entries = await history(desk, logged.id);
    expect(entries.at(-1)).toMatchObject({
      kind: 'delete',
      actorName: 'Sam Patel',
      from: { type: 'training-session', details: { topic: 'hate-crime', attendees: 30 }, occurredOn: logged.occurredOn, town: 'Didcot' },
      to: null,
    });
  });

  it('refuses an officer’s change to someone else’s outcome; the officer can discard it on purpose', async () => {
    const phone = await device(OFFICER);
    const colleague = await addUser(server.storage, partnershipId, 'officer', `colleague-${Date.now()}@southandvale.example`);
    const theirs = await device(colleague);
    const values = await outcomeFor(theirs.db, '22');
    const logged = await logOutcome(theirs.db, theirs.user, { ...values, details: { ...values.details, attendees: 8 } });
    await theirs.sync.syncNow();
    await phone.sync.syncNow();

    await editOutcome(phone.db, phone.user, logged.id, withAttendees((await phone.db.outcomes.get(logged.id))!, 80));
    await phone.sync.syncNow();
    const refused = (await phone.db.outcomes.get(logged.id))!;
    expect(refused).toMatchObject({ syncState: 'rejected', details: { attendees: 80 }, rejection: { code: 'forbidden', kind: 'outcome.update' } });
    expect((await onServer(logged.id))?.details.attendees).toBe(8);

    await discardRejected(phone.db, logged.id);
    expect(await phone.db.outcomes.get(logged.id)).toMatchObject({ syncState: 'synced', details: { attendees: 8 } });
  });

  it('lets the officer fix a refused outcome and send it again', async () => {
    const phone = await device(OFFICER);
    // An outcome an older app let through: no number of attendees for a measure that adds them up.
    const values = await outcomeFor(phone.db, '22');
    const { attendees: _, ...withoutAttendees } = values.details;
    const broken = { ...values, details: withoutAttendees };
    const id = crypto.randomUUID();
    await phone.db.transaction('rw', [phone.db.outcomes, phone.db.outbox, phone.db.meta], async () => {
      const input = { ...broken, id, areaId: broken.areaId ?? null, recordedAt: new Date().toISOString() };
      await phone.db.outcomes.add({
        ...input,
        areaId: input.areaId,
        partnershipId,
        authorId: phone.user.id,
        authorName: phone.user.name,
        receivedAt: null,
        version: null,
        deletedAt: null,
        syncState: 'pending',
        server: null,
        localDeleted: false,
      });
      await appendToOutbox(phone.db, { kind: 'outcome.create', recordId: id, args: input }, new Date());
    });
    await phone.sync.syncNow();
    expect(await phone.db.outcomes.get(id)).toMatchObject({
      syncState: 'rejected',
      rejection: { code: 'invalid', fieldErrors: [{ path: 'details.attendees' }] },
    });

    await resendOutcome(phone.db, id, { ...broken, details: { ...withoutAttendees, attendees: 11 } });
    await phone.sync.syncNow();
    expect(await phone.db.outcomes.get(id)).toMatchObject({ syncState: 'synced', details: { attendees: 11 }, version: expect.any(Number) });
    expect((await onServer(id))?.details.attendees).toBe(11);
  });

  it('keeps changes still waiting on the phone when a pull brings someone else’s edit (rebase)', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'), undefined, { confirmDuplicate: true });
    await phone.sync.syncNow();
    await desk.sync.syncNow();
    await editOutcome(desk.db, desk.user, logged.id, { ...formValuesOf((await desk.db.outcomes.get(logged.id))!), town: 'Wantage' });
    await desk.sync.syncNow();

    await editOutcome(phone.db, phone.user, logged.id, { ...formValuesOf(logged), notes: 'added detail' });
    await pullAll(phone.db, phone.api, phone.user.id); // the coordinator's edit arrives before the phone's has gone
    expect(await phone.db.outcomes.get(logged.id)).toMatchObject({ town: 'Wantage', notes: 'added detail', syncState: 'pending' });

    await phone.sync.syncNow();
    expect(await onServer(logged.id)).toMatchObject({ town: 'Wantage', notes: 'added detail' });
  });

  it('refuses a change to an outcome someone deleted, keeping it on the phone to discard', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'), undefined, { confirmDuplicate: true });
    await phone.sync.syncNow();
    await desk.sync.syncNow();
    await deleteOutcome(desk.db, desk.user, logged.id);
    await desk.sync.syncNow();

    await editOutcome(phone.db, phone.user, logged.id, withAttendees(logged, 99));
    await phone.sync.syncNow();
    expect((await phone.db.outcomes.get(logged.id))?.rejection?.code).toBe('conflict');
  });
});
