import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { addUser } from '../support/seed-extra';
import { logOutcome } from '../../src/app/data/log-outcome';
import { deleteOutcome, discardRejected, editOutcome, resendOutcome } from '../../src/app/data/change-outcome';
import { loadActionDetail } from '../../src/app/data/plan-queries';
import { pullAll } from '../../src/app/sync/pull-changes';
import { enqueue } from '../../src/app/data/enqueue';
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
const onServer = (id: string) => server.storage.transaction((tx) => tx.findOutcome(id));
const history = async (coordinator: TestDevice, id: string) =>
  ((await (await coordinator.fetch(`${server.url}/api/partnerships/${partnershipId}/outcomes/${id}/history`)).json()) as { entries: OutcomeHistoryEntry[] }).entries;
const valuesOf = (o: { measureId: string; occurredOn: string; quantity: number | null; town: string | null; notes: string | null; actionId: string }) => ({
  actionId: o.actionId,
  measureId: o.measureId,
  occurredOn: o.occurredOn,
  quantity: o.quantity,
  town: o.town,
  notes: o.notes ?? '',
});

describe('editing and deleting outcomes', () => {
  it('sends only the changed fields; concurrent edits of different fields both stand', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await phone.sync.syncNow();
    await desk.sync.syncNow();

    await editOutcome(phone.db, logged.id, { ...valuesOf(logged), quantity: 20 });
    const atDesk = (await desk.db.outcomes.get(logged.id))!;
    await editOutcome(desk.db, logged.id, { ...valuesOf(atDesk), town: 'Thame' });
    await phone.sync.syncNow();
    await desk.sync.syncNow();
    await phone.sync.syncNow();

    expect(await onServer(logged.id)).toMatchObject({ quantity: 20, town: 'Thame' });
    for (const d of [phone, desk]) expect(await d.db.outcomes.get(logged.id)).toMatchObject({ quantity: 20, town: 'Thame', syncState: 'synced' });
    const entries = await history(desk, logged.id);
    expect(entries.map((e) => [e.field, e.from, e.to, e.conflict])).toEqual([
      ['quantity', 12, 20, false],
      ['town', 'Didcot', 'Thame', false],
    ]);
  });

  it('on the same field the later arrival wins, and the value it replaced is kept in the history', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await phone.sync.syncNow();
    await desk.sync.syncNow();

    await editOutcome(phone.db, logged.id, { ...valuesOf(logged), quantity: 5 });
    await editOutcome(desk.db, logged.id, { ...valuesOf((await desk.db.outcomes.get(logged.id))!), quantity: 7 });
    await phone.sync.syncNow(); // arrives first
    await desk.sync.syncNow(); // arrives later, based on the version before the phone's edit
    await phone.sync.syncNow();

    expect((await onServer(logged.id))?.quantity).toBe(7);
    expect((await phone.db.outcomes.get(logged.id))?.quantity).toBe(7);
    const entries = await history(desk, logged.id);
    expect(entries.map((e) => [e.from, e.to, e.conflict, e.actorName])).toEqual([
      [12, 5, false, 'Sam Patel'],
      [5, 7, true, 'Jo Bennett'],
    ]);
  });

  it('records a delete as a tombstone every device applies, kept with its history on the server', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22', 0, { quantity: 30 }));
    await phone.sync.syncNow();
    await desk.sync.syncNow();
    const before = (await loadActionDetail(desk.db, logged.actionId))!.measures[0]!.tally.total;

    await deleteOutcome(phone.db, logged.id);
    expect((await loadActionDetail(phone.db, logged.actionId))!.outcomes.map((o) => o.id)).not.toContain(logged.id);
    await phone.sync.syncNow();
    await desk.sync.syncNow();

    expect(await onServer(logged.id)).toMatchObject({ notes: 'Outcome for ref 22', deletedAt: expect.any(String) });
    expect((await loadActionDetail(desk.db, logged.actionId))!.measures[0]!.tally.total).toBe(before - 30);
    const entries = await history(desk, logged.id);
    expect(entries.at(-1)).toMatchObject({ kind: 'delete', actorName: 'Sam Patel', from: { quantity: 30, town: 'Didcot' }, to: null });
  });

  it('refuses an officer’s change to someone else’s outcome; the officer can discard it on purpose', async () => {
    const phone = await device(OFFICER);
    const colleague = await addUser(server.storage, partnershipId, 'officer', `colleague-${Date.now()}@southandvale.example`);
    const theirs = await device(colleague);
    const logged = await logOutcome(theirs.db, theirs.user, await outcomeFor(theirs.db, '22', 0, { quantity: 8 }));
    await theirs.sync.syncNow();
    await phone.sync.syncNow();

    await editOutcome(phone.db, logged.id, { ...valuesOf((await phone.db.outcomes.get(logged.id))!), quantity: 80 });
    await phone.sync.syncNow();
    const refused = (await phone.db.outcomes.get(logged.id))!;
    expect(refused).toMatchObject({ syncState: 'rejected', quantity: 80, rejection: { code: 'forbidden', kind: 'outcome.update' } });
    expect((await onServer(logged.id))?.quantity).toBe(8);

    await discardRejected(phone.db, logged.id);
    expect(await phone.db.outcomes.get(logged.id)).toMatchObject({ syncState: 'synced', quantity: 8 });
  });

  it('lets the officer fix a refused outcome and send it again', async () => {
    const phone = await device(OFFICER);
    // An outcome an older app let through: no number for a measure that counts attendees.
    const values = await outcomeFor(phone.db, '22', 0, { quantity: null });
    const id = crypto.randomUUID();
    await phone.db.transaction('rw', [phone.db.outcomes, phone.db.outbox, phone.db.meta], async () => {
      const input = { ...values, id, recordedAt: new Date().toISOString() };
      await phone.db.outcomes.add({ ...input, partnershipId, authorId: phone.user.id, authorName: phone.user.name, receivedAt: null, version: null, deletedAt: null, syncState: 'pending', server: null, localDeleted: false });
      await enqueue(phone.db, 'outcome.create', id, input, new Date());
    });
    await phone.sync.syncNow();
    expect(await phone.db.outcomes.get(id)).toMatchObject({ syncState: 'rejected', rejection: { code: 'invalid', fieldErrors: [{ path: 'quantity' }] } });

    await resendOutcome(phone.db, id, { ...values, quantity: 11 });
    await phone.sync.syncNow();
    expect(await phone.db.outcomes.get(id)).toMatchObject({ syncState: 'synced', quantity: 11, version: expect.any(Number) });
    expect((await onServer(id))?.quantity).toBe(11);
  });

  it('keeps changes still waiting on the phone when a pull brings someone else’s edit (rebase)', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await phone.sync.syncNow();
    await desk.sync.syncNow();
    await editOutcome(desk.db, logged.id, { ...valuesOf((await desk.db.outcomes.get(logged.id))!), town: 'Wantage' });
    await desk.sync.syncNow();

    await editOutcome(phone.db, logged.id, { ...valuesOf(logged), notes: 'added detail' });
    await pullAll(phone.db, phone.api); // the coordinator's edit arrives before the phone's has gone
    expect(await phone.db.outcomes.get(logged.id)).toMatchObject({ town: 'Wantage', notes: 'added detail', syncState: 'pending' });

    await phone.sync.syncNow();
    expect(await onServer(logged.id)).toMatchObject({ town: 'Wantage', notes: 'added detail' });
  });

  it('refuses a change to an outcome someone deleted, keeping it on the phone to discard', async () => {
    const phone = await device(OFFICER);
    const desk = await device(COORDINATOR);
    const logged = await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await phone.sync.syncNow();
    await desk.sync.syncNow();
    await deleteOutcome(desk.db, logged.id);
    await desk.sync.syncNow();

    await editOutcome(phone.db, logged.id, { ...valuesOf(logged), quantity: 99 });
    await phone.sync.syncNow();
    expect((await phone.db.outcomes.get(logged.id))?.rejection?.code).toBe('conflict');
  });
});
