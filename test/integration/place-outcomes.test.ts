import { describe, expect, it } from 'vitest';
import {
  coordinator,
  fieldsOf,
  officer,
  other,
  outsider,
  partnershipId,
  placeInput,
  pullAll,
  push,
  server,
  servePlaceRegisters,
  storedOutcome,
  trainingActionId,
  visit,
} from '../support/place-registers';

/**
 * Outcomes about a place, over the real server: an outcome must name a place in the right
 * register (a Safe Place visit names a Safe Place), and only an outcome whose type is about one.
 */
servePlaceRegisters();

describe('outcomes about a place', () => {
  it('applies a Safe Place visit that names a Safe Place, and refuses one naming no place, a place in another register, or none that exists', async () => {
    const safePlace = placeInput({ name: 'Abingdon Library', town: 'Abingdon' });
    const centre = placeInput({ name: 'Abingdon Guildhall', town: 'Abingdon', kind: 'hate-crime-reporting-centre' });
    const theirs = placeInput({ partnershipId: other.partnershipId, name: 'Elsewhere Café', town: 'Elsewhere' });
    expect(await push(outsider, { kind: 'place.create', args: theirs })).toEqual([{ seq: 1, status: 'applied' }]);

    const good = visit(safePlace.id);
    const withoutPlace = visit(null);
    const wrongRegister = visit(centre.id);
    const noSuchPlace = visit(crypto.randomUUID());
    const otherPartnerships = visit(theirs.id);
    // The places and the outcomes about them in one push, the places first.
    const results = await push(
      officer,
      { kind: 'place.create', args: safePlace },
      { kind: 'place.create', args: centre },
      { kind: 'outcome.create', args: good },
      { kind: 'outcome.create', args: withoutPlace },
      { kind: 'outcome.create', args: wrongRegister },
      { kind: 'outcome.create', args: noSuchPlace },
      { kind: 'outcome.create', args: otherPartnerships },
    );
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'rejected', 'rejected', 'rejected', 'rejected']);
    for (const refused of results.slice(3)) {
      expect(refused).toMatchObject({ code: 'invalid' });
      expect(fieldsOf(refused)).toEqual(['placeId']);
    }

    expect(await storedOutcome(good.id)).toMatchObject({ placeId: safePlace.id, type: 'safe-place-visit', partnershipId, authorId: officer.user.id });
    for (const o of [withoutPlace, wrongRegister, noSuchPlace, otherPartnerships]) expect(await storedOutcome(o.id)).toBeUndefined();
    // The coordinator's phone receives the visit with its place.
    expect((await pullAll(coordinator)).outcomes.find((o) => o.id === good.id)).toMatchObject({ placeId: safePlace.id });
  });

  it('refuses a place on an outcome whose type is not about one', async () => {
    const place = placeInput();
    const training = {
      ...visit(place.id),
      actionId: trainingActionId,
      type: 'training-session' as const,
      details: { topic: 'hate-crime', audience: 'council-staff', attendees: 12, format: 'face-to-face' },
    };
    const [, refused, withoutPlace] = await push(
      officer,
      { kind: 'place.create', args: place },
      { kind: 'outcome.create', args: training },
      { kind: 'outcome.create', args: { ...training, id: crypto.randomUUID(), placeId: null } },
    );
    expect(refused).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(fieldsOf(refused)).toEqual(['placeId']);
    expect(withoutPlace).toMatchObject({ status: 'applied' });
  });

  it('checks the place again when an edit changes it, and counts it in the same-outcome comparison', async () => {
    const first = placeInput({ name: 'Faringdon Pharmacy', town: 'Faringdon' });
    const second = placeInput({ name: 'Faringdon Library', town: 'Faringdon' });
    const centre = placeInput({ name: 'Faringdon Town Hall', town: 'Faringdon', kind: 'hate-crime-reporting-centre' });
    const outcome = visit(first.id, { town: 'Faringdon' });
    await push(
      officer,
      { kind: 'place.create', args: first },
      { kind: 'place.create', args: second },
      { kind: 'place.create', args: centre },
      { kind: 'outcome.create', args: outcome },
    );
    const created = (await storedOutcome(outcome.id))!;
    expect(created.placeId).toBe(first.id);

    // The same visit resent is the same outcome; the same id about another place is a collision.
    expect(await push(officer, { kind: 'outcome.create', args: outcome })).toEqual([{ seq: 1, status: 'applied' }]);
    const [collision] = await push(officer, { kind: 'outcome.create', args: { ...outcome, placeId: second.id } });
    expect(collision).toMatchObject({ status: 'rejected', code: 'conflict' });

    const edit = (changes: Record<string, unknown>) => ({ kind: 'outcome.update', args: { id: outcome.id, baseVersion: created.version, changes } });
    const [toCentre, toNone, toMissing, toSecond] = await push(
      officer,
      edit({ placeId: centre.id }),
      edit({ placeId: null }),
      edit({ placeId: crypto.randomUUID() }),
      edit({ placeId: second.id }),
    );
    for (const refused of [toCentre, toNone, toMissing]) {
      expect(refused).toMatchObject({ status: 'rejected', code: 'invalid' });
      expect(fieldsOf(refused)).toEqual(['changes.placeId']);
    }
    expect(toSecond).toMatchObject({ status: 'applied' });
    const edited = (await storedOutcome(outcome.id))!;
    expect(edited).toMatchObject({ placeId: second.id, fieldVersions: { placeId: edited.version } });
    const history = await server.storage.transaction((tx) => tx.outcomes.listHistory(outcome.id));
    expect(history).toMatchObject([{ field: 'placeId', from: first.id, to: second.id }]);
  });
});
