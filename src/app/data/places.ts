import { checkPlace, PlaceInput, type PlaceKind } from '../../domain/place';
import { localIsoDate } from '../../domain/primitives';
import { toFieldErrors } from '../../domain/api-error';
import type { FieldProblem } from '../../domain/outcome';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalPlace } from '../db/local-records';
import { appendToOutbox, writeQueued } from '../db/outbox';
import { OutcomeNotValidError } from './log-outcome';

/** What the add-a-place form collects. */
export type PlaceFormValues = Omit<PlaceInput, 'id' | 'recordedAt'>;

/**
 * Adds a place to a register on this phone and queues it, in ONE transaction, like an outcome:
 * an officer signs a venue up on the spot, with or without signal.
 */
export async function addPlace(db: FieldbookDb, values: PlaceFormValues, now = new Date()): Promise<LocalPlace> {
  const candidate = { ...values, id: crypto.randomUUID(), recordedAt: now.toISOString() };
  const parsed = PlaceInput.safeParse(candidate);
  if (!parsed.success) throw new OutcomeNotValidError(toFieldErrors(parsed.error.issues).map((e) => ({ field: e.path, message: e.message })));
  const problems: FieldProblem[] = checkPlace(parsed.data, localIsoDate(now));
  if (problems.length > 0) throw new OutcomeNotValidError(problems);
  const input = parsed.data;
  return writeQueued(db, [db.places], async () => {
    const place: LocalPlace = { ...input, version: null, createdBy: null, updatedAt: null, syncState: 'pending' };
    await db.places.add(place);
    await appendToOutbox(db, { kind: 'place.create', recordId: input.id, args: input }, now);
    return place;
  });
}

export interface PlaceWithVisits {
  place: LocalPlace;
  /** The latest day anything was logged against it (a visit, a test), or null. */
  lastVisitOn: string | null;
  visits: number;
}

/** A register: its places with their last visit, by town then name. */
export async function loadRegister(db: FieldbookDb, kind: PlaceKind): Promise<PlaceWithVisits[]> {
  const [places, outcomes] = await Promise.all([db.places.where('kind').equals(kind).toArray(), db.outcomes.toArray()]);
  const last = new Map<string, { on: string; n: number }>();
  for (const o of outcomes) {
    if (!o.placeId || !isLive(o) || o.type === 'place-joined') continue;
    const seen = last.get(o.placeId);
    last.set(o.placeId, { on: !seen || o.occurredOn > seen.on ? o.occurredOn : seen.on, n: (seen?.n ?? 0) + 1 });
  }
  return places
    .map((place) => ({ place, lastVisitOn: last.get(place.id)?.on ?? null, visits: last.get(place.id)?.n ?? 0 }))
    .sort((a, b) => a.place.town.localeCompare(b.place.town) || a.place.name.localeCompare(b.place.name));
}

/**
 * "Due a follow-up": places still in the scheme with no visit for `months` months, counting from
 * the day they joined when they have never been visited. Oldest first: who has waited longest.
 */
export function dueForFollowUp(register: PlaceWithVisits[], months: number, today: string): PlaceWithVisits[] {
  const cutoff = monthsBefore(today, months);
  return register
    .filter((r) => r.place.status === 'active' && (r.lastVisitOn ?? r.place.joinedOn) <= cutoff)
    .sort((a, b) => (a.lastVisitOn ?? a.place.joinedOn).localeCompare(b.lastVisitOn ?? b.place.joinedOn));
}

/** The same day `months` calendar months earlier (clamped to the month's end: 31 May − 3 → 28/29 Feb). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The places an outcome can attach to: one register, live ones first. */
export async function placesForPicker(db: FieldbookDb, kind: PlaceKind): Promise<LocalPlace[]> {
  const places = await db.places.where('kind').equals(kind).toArray();
  return places.sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active') || a.town.localeCompare(b.town) || a.name.localeCompare(b.name));
}

/**
 * Changes a place's status (a venue withdrew, closed, or came back), queued like any change.
 * Only the status travels, with the version the phone last saw.
 */
export async function changePlaceStatus(db: FieldbookDb, id: string, status: LocalPlace['status'], now = new Date()): Promise<void> {
  await writeQueued(db, [db.places], async () => {
    const place = await db.places.get(id);
    if (!place || place.status === status) return;
    await db.places.put({ ...place, status, syncState: 'pending' });
    await appendToOutbox(db, { kind: 'place.update', recordId: id, args: { id, baseVersion: place.version ?? 0, changes: { status } } }, now);
  });
}

/** Gives up a refused place: removed from this phone (the server's rejection log keeps it), unless something newer of it is queued. */
export async function discardRejectedPlace(db: FieldbookDb, id: string): Promise<void> {
  await db.transaction('rw', [db.places, db.outbox], async () => {
    if ((await db.outbox.where('outcomeId').equals(id).count()) > 0) return;
    const p = await db.places.get(id);
    if (p?.syncState === 'rejected') await db.places.delete(id);
  });
}
