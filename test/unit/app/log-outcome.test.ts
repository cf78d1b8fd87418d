import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { outcomeFor } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { logOutcome, OutcomeNotValidError } from '../../../src/app/data/log-outcome';

const user = { id: crypto.randomUUID(), name: 'Sam Patel' };

async function deviceWithPlan() {
  const db = newTestDb();
  await applyPullPage(db, southAndValePage(user.id));
  return db;
}

describe('logging an outcome on the phone', () => {
  it('writes the outcome, its outbox entry and the next sequence number together', async () => {
    const db = await deviceWithPlan();
    const first = await logOutcome(db, user, await outcomeFor(db, '22'));
    const second = await logOutcome(db, user, await outcomeFor(db, '3', 1));

    expect(first).toMatchObject({ syncState: 'pending', authorId: user.id, authorName: 'Sam Patel', receivedAt: null, quantity: 12 });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.outcomeId, e.kind])).toEqual([
      [1, first.id, 'outcome.create'],
      [2, second.id, 'outcome.create'],
    ]);
    // What will be pushed is exactly what the officer saved, frozen at save time.
    expect(outbox[0]!.args).toEqual({
      id: first.id,
      actionId: first.actionId,
      measureId: first.measureId,
      occurredOn: first.occurredOn,
      quantity: 12,
      town: 'Didcot',
      notes: 'Outcome for ref 22',
      recordedAt: first.recordedAt,
    });
    expect((await db.meta.get('nextSeq'))?.value).toBe(3);
  });

  it('refuses an outcome the server would refuse, and writes nothing', async () => {
    const db = await deviceWithPlan();
    const values = await outcomeFor(db, '22', 0, { quantity: null });
    const err = await logOutcome(db, user, values).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(OutcomeNotValidError);
    expect((err as OutcomeNotValidError).problems.map((p) => p.field)).toEqual(['quantity']);
    expect(await db.outcomes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.get('nextSeq')).toBeUndefined();
  });

  it('refuses a measure that belongs to another action', async () => {
    const db = await deviceWithPlan();
    const ref22 = await outcomeFor(db, '22');
    const ref3 = await outcomeFor(db, '3');
    const err = await logOutcome(db, user, { ...ref22, measureId: ref3.measureId }).catch((e: unknown) => e);
    expect((err as OutcomeNotValidError).problems.map((p) => p.field)).toEqual(['measureId']);
  });

  it('keeps the officer’s own waiting outcomes when a pull starts the device again from nothing', async () => {
    const db = await deviceWithPlan();
    const waiting = await logOutcome(db, user, await outcomeFor(db, '19'));
    await applyPullPage(db, southAndValePage(user.id));
    expect(await db.outcomes.get(waiting.id)).toMatchObject({ syncState: 'pending' });
    expect(await db.outbox.count()).toBe(1);
  });
});
