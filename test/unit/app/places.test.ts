import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { outcomeFor } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { logOutcome, type OutcomeNotValidError } from '../../../src/app/data/log-outcome';
import { addPlace, dueForFollowUp, loadRegister, monthsBefore, type PlaceFormValues } from '../../../src/app/data/places';
import { emptyChanges } from '../../../src/domain/sync/pull';

const user = { id: crypto.randomUUID(), name: 'Sam Patel' };

async function deviceWithPlan() {
  const db = newTestDb();
  await applyPullPage(db, southAndValePage(user.id), user.id);
  const partnershipId = (await db.partnerships.toArray())[0]!.id;
  return { db, partnershipId };
}

const safePlace = (partnershipId: string, patch: Partial<PlaceFormValues> = {}): PlaceFormValues => ({
  partnershipId,
  kind: 'safe-place',
  name: 'Didcot Library',
  town: 'Didcot',
  address: null,
  point: null,
  status: 'active',
  joinedOn: '2026-01-10',
  ...patch,
});

describe('place registers on the phone', () => {
  it('adds a place offline with its outbox entry, in one transaction', async () => {
    const { db, partnershipId } = await deviceWithPlan();
    const place = await addPlace(db, safePlace(partnershipId), new Date('2026-11-22T10:00:00Z'));
    expect(await db.places.get(place.id)).toMatchObject({ name: 'Didcot Library', syncState: 'pending', version: null });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ seq: 1, kind: 'place.create', outcomeId: place.id });
    expect(entry!.args).toMatchObject({ id: place.id, kind: 'safe-place', joinedOn: '2026-01-10' });
  });

  it('refuses a place that joined in the future or has no name, and writes nothing', async () => {
    const { db, partnershipId } = await deviceWithPlan();
    const future = await addPlace(db, safePlace(partnershipId, { joinedOn: '2099-01-01' })).catch((e: unknown) => e);
    expect((future as OutcomeNotValidError).problems.map((p) => p.field)).toEqual(['joinedOn']);
    const nameless = await addPlace(db, safePlace(partnershipId, { name: '  ' })).catch((e: unknown) => e);
    expect((nameless as OutcomeNotValidError).problems.map((p) => p.field)).toEqual(['name']);
    expect(await db.places.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a Safe Place visit needs a place from the Safe Places register', async () => {
    const { db, partnershipId } = await deviceWithPlan();
    const visit = await outcomeFor(db, '3', 3);
    expect(visit.type).toBe('safe-place-visit');
    const none = await logOutcome(db, user, visit).catch((e: unknown) => e);
    expect((none as OutcomeNotValidError).problems).toEqual([{ field: 'placeId', message: 'Choose the place' }]);
    const centre = await addPlace(db, safePlace(partnershipId, { kind: 'hate-crime-reporting-centre', name: 'Abingdon Library' }));
    const wrong = await logOutcome(db, user, { ...visit, placeId: centre.id }).catch((e: unknown) => e);
    expect((wrong as OutcomeNotValidError).problems).toEqual([{ field: 'placeId', message: 'That place is not in the Safe Place register' }]);
    const library = await addPlace(db, safePlace(partnershipId));
    const saved = await logOutcome(db, user, { ...visit, placeId: library.id });
    expect(saved.placeId).toBe(library.id);
  });

  it('lists places due a follow-up: in the scheme, not visited for the chosen months, longest waiting first', async () => {
    const { db, partnershipId } = await deviceWithPlan();
    const visitedLately = await addPlace(db, safePlace(partnershipId, { name: 'Visited lately', joinedOn: '2025-01-01' }));
    const visitedLongAgo = await addPlace(db, safePlace(partnershipId, { name: 'Visited long ago', joinedOn: '2025-01-01' }));
    await addPlace(db, safePlace(partnershipId, { name: 'Never visited', joinedOn: '2025-06-01' }));
    await addPlace(db, safePlace(partnershipId, { name: 'Joined last week', joinedOn: '2026-11-15' }));
    await addPlace(db, safePlace(partnershipId, { name: 'Withdrew', joinedOn: '2025-01-01', status: 'withdrawn' }));
    const visit = await outcomeFor(db, '3', 3);
    await logOutcome(db, user, { ...visit, placeId: visitedLately.id, occurredOn: '2026-10-01' });
    await logOutcome(db, user, { ...visit, placeId: visitedLongAgo.id, occurredOn: '2026-02-01' });

    const register = await loadRegister(db, 'safe-place');
    expect(register.find((r) => r.place.id === visitedLately.id)).toMatchObject({ lastVisitOn: '2026-10-01', visits: 1 });
    expect(dueForFollowUp(register, 6, '2026-11-22').map((r) => r.place.name)).toEqual(['Never visited', 'Visited long ago']);
    expect(dueForFollowUp(register, 12, '2026-11-22').map((r) => r.place.name)).toEqual(['Never visited']);
    expect(dueForFollowUp(register, 24, '2026-11-22')).toEqual([]);
    expect(dueForFollowUp(register, 1, '2026-11-22').map((r) => r.place.name)).toEqual(['Never visited', 'Visited long ago', 'Visited lately']);
  });

  it('counts calendar months, clamping to the end of a shorter month', () => {
    expect(monthsBefore('2026-11-22', 6)).toBe('2026-05-22');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 12)).toBe('2025-01-15');
  });

  it('a pull brings other members’ places, and keeps one with a change still queued here', async () => {
    const { db, partnershipId } = await deviceWithPlan();
    const mine = await addPlace(db, safePlace(partnershipId));
    const page = emptyChanges();
    const theirs = {
      ...safePlace(partnershipId, { name: 'Wantage Pharmacy', town: 'Wantage' }),
      id: crypto.randomUUID(),
      recordedAt: '2026-11-20T10:00:00.000Z',
      version: 50,
      createdBy: crypto.randomUUID(),
      updatedAt: '2026-11-20T10:00:01.000Z',
    };
    page.places.push(theirs, { ...theirs, id: mine.id, name: 'Renamed on the server', version: 51 });
    await applyPullPage(db, { reset: false, changes: page, cursor: 'c2', more: false }, user.id);
    expect(await db.places.get(theirs.id)).toMatchObject({ name: 'Wantage Pharmacy', syncState: 'synced' });
    expect(await db.places.get(mine.id)).toMatchObject({ name: 'Didcot Library', syncState: 'pending' });
  });

  it('a reset pull drops synced places but never one waiting or refused', async () => {
    const { db, partnershipId } = await deviceWithPlan();
    const waiting = await addPlace(db, safePlace(partnershipId));
    const synced = {
      ...safePlace(partnershipId, { name: 'Synced' }),
      id: crypto.randomUUID(),
      recordedAt: '2026-11-20T10:00:00.000Z',
      version: 3,
      createdBy: user.id,
      updatedAt: '2026-11-20T10:00:00.000Z',
      syncState: 'synced' as const,
    };
    await db.places.put(synced);
    await applyPullPage(db, southAndValePage(user.id), user.id);
    expect(await db.places.get(waiting.id)).toBeTruthy();
    expect(await db.places.get(synced.id)).toBeUndefined();
  });
});
