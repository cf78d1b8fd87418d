import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { outcomeFor } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { logOutcome, OutcomeNotValidError, PossibleDuplicateError } from '../../../src/app/data/log-outcome';

const user = { id: crypto.randomUUID(), name: 'Sam Patel' };

async function deviceWithPlan() {
  const db = newTestDb();
  await applyPullPage(db, southAndValePage(user.id), user.id);
  return db;
}

describe('logging an outcome on the phone', () => {
  it('writes the outcome, its outbox entry and the next sequence number together', async () => {
    const db = await deviceWithPlan();
    const first = await logOutcome(db, user, await outcomeFor(db, '22'));
    const second = await logOutcome(db, user, await outcomeFor(db, '3', 1));

    expect(first).toMatchObject({
      syncState: 'pending',
      authorId: user.id,
      authorName: 'Sam Patel',
      receivedAt: null,
      type: 'training-session',
      details: { topic: 'hate-crime', attendees: 12 },
    });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.outcomeId, e.kind])).toEqual([
      [1, first.id, 'outcome.create'],
      [2, second.id, 'outcome.create'],
    ]);
    // What will be pushed is exactly what the officer saved, frozen at save time.
    expect(outbox[0]!.args).toEqual({
      id: first.id,
      actionId: first.actionId,
      type: 'training-session',
      details: first.details,
      occurredOn: first.occurredOn,
      town: 'Didcot',
      areaId: first.areaId,
      location: null,
      placeId: null,
      notes: 'Outcome for ref 22',
      recordedAt: first.recordedAt,
    });
    expect(first.areaId).toBe((await db.areas.filter((a) => a.name === 'Didcot').first())!.id);
    expect((await db.meta.get('nextSeq'))?.value).toBe(3);
  });

  it('refuses an outcome the server would refuse, and writes nothing', async () => {
    const db = await deviceWithPlan();
    const values = await outcomeFor(db, '22');
    const err = await logOutcome(db, user, { ...values, details: { ...values.details, attendees: -4 } }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(OutcomeNotValidError);
    expect((err as OutcomeNotValidError).problems).toEqual([{ field: 'details.attendees', message: 'Number of attendees: must be 1 or more' }]);
    expect(await db.outcomes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.get('nextSeq')).toBeUndefined();
  });

  it('refuses a kind of outcome the action does not count', async () => {
    const db = await deviceWithPlan();
    const ref22 = await outcomeFor(db, '22');
    const ref2 = await outcomeFor(db, '2');
    const err = await logOutcome(db, user, { ...ref2, actionId: ref22.actionId }).catch((e: unknown) => e);
    expect((err as OutcomeNotValidError).problems.map((p) => p.field)).toEqual(['type']);
  });

  it('asks before a second outcome of the same type, same action, same day and town, and saves it when told to', async () => {
    const db = await deviceWithPlan();
    const values = await outcomeFor(db, '22');
    const first = await logOutcome(db, user, values);
    const err = await logOutcome(db, user, values).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PossibleDuplicateError);
    expect((err as PossibleDuplicateError).existing.id).toBe(first.id);
    expect((err as Error).message).toBe('You already logged training session in Didcot on this day. Save another one?');
    expect(await db.outcomes.count()).toBe(1);

    await logOutcome(db, user, values, new Date(), { confirmDuplicate: true });
    // Another area, or another day, is not a duplicate.
    await logOutcome(db, user, await outcomeFor(db, '22', 0, { town: 'Thame' }));
    expect(await db.outcomes.count()).toBe(3);
    // The same area under a new name is (it was renamed since the first).
    const didcot = (await db.areas.get(values.areaId!))!;
    await db.areas.put({ ...didcot, name: 'Didcot Town' });
    const renamed = await logOutcome(db, user, { ...values, town: 'Didcot Town' }).catch((e: unknown) => e);
    expect(renamed).toBeInstanceOf(PossibleDuplicateError);
  });

  it('remembers the officer’s last area, and clears the form’s draft in the same transaction', async () => {
    const db = await deviceWithPlan();
    await db.drafts.put({ key: 'log:x', values: { notes: 'half typed' }, updatedAt: new Date().toISOString() });
    const values = await outcomeFor(db, '22', 0, { town: 'Wantage' });
    await logOutcome(db, user, values, new Date(), { draftKey: 'log:x' });
    expect((await db.meta.get('lastArea'))?.value).toBe(values.areaId);
    expect(values.areaId).toBeTruthy();
    expect(await db.drafts.get('log:x')).toBeUndefined();
  });

  it('keeps the officer’s own waiting outcomes when a pull starts the device again from nothing', async () => {
    const db = await deviceWithPlan();
    const waiting = await logOutcome(db, user, await outcomeFor(db, '19'));
    await applyPullPage(db, southAndValePage(user.id), user.id);
    expect(await db.outcomes.get(waiting.id)).toMatchObject({ syncState: 'pending' });
    expect(await db.outbox.count()).toBe(1);
  });
});
