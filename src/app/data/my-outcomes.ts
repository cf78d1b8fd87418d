import { Dexie } from 'dexie';
import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalOutcome } from '../db/local-records';
import { isOutcomeTypeId, outcomeType } from '../../domain/outcome-types/catalogue';

/** One of the officer's outcomes as their list shows it. Notes are never in it: they may be sensitive. */
export interface MyOutcomeRow {
  id: string;
  actionId: string;
  typeLabel: string;
  actionRef: string | null;
  actionText: string;
  town: string | null;
  placeName: string | null;
  occurredOn: string;
  syncState: LocalOutcome['syncState'];
}

/** Every outcome the officer logged that is on the phone, newest first, with the text a search looks through. */
export interface MyOutcomeIndex {
  entries: { row: MyOutcomeRow; haystack: string }[];
}

/**
 * Read once per change to the officer's outcomes (newest first through the [authorId+recordedAt]
 * index), with the actions and places they name read in two bulk gets. Deleted ones are left out;
 * rejected ones stay, as everywhere else, until the officer fixes or discards them.
 * The haystack holds the notes, lower-cased, so that a search can find a visit by what was noted;
 * it stays in memory on the phone and is never drawn.
 */
export async function loadMyOutcomeIndex(db: FieldbookDb, userId: string): Promise<MyOutcomeIndex> {
  const outcomes = (
    await db.outcomes
      .where('[authorId+recordedAt]')
      .between([userId, Dexie.minKey], [userId, Dexie.maxKey])
      .reverse()
      .toArray()
  ).filter((o) => isLive(o) || o.syncState === 'rejected');
  const actionIds = [...new Set(outcomes.map((o) => o.actionId))];
  const placeIds = [...new Set(outcomes.flatMap((o) => (o.placeId ? [o.placeId] : [])))];
  const [actions, places] = await Promise.all([db.actions.bulkGet(actionIds), db.places.bulkGet(placeIds)]);
  const actionOf = new Map(actions.flatMap((a) => (a ? [[a.id, a] as const] : [])));
  const placeName = new Map(places.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  return {
    entries: outcomes.map((o) => {
      const action = actionOf.get(o.actionId);
      const row: MyOutcomeRow = {
        id: o.id,
        actionId: o.actionId,
        typeLabel: isOutcomeTypeId(o.type) ? outcomeType(o.type).label : o.type,
        actionRef: action?.ref ?? null,
        actionText: action?.text ?? 'An action no longer on this phone',
        town: o.town,
        placeName: (o.placeId && placeName.get(o.placeId)) ?? null,
        occurredOn: o.occurredOn,
        syncState: o.syncState,
      };
      const text = [row.typeLabel, row.actionRef ? `ref ${row.actionRef}` : '', row.actionText, row.town ?? '', row.placeName ?? '', o.notes];
      return { row, haystack: text.join(' ').toLowerCase() };
    }),
  };
}

/**
 * The rows whose type, action (ref or words), town, place or notes hold every word of the query,
 * newest first; every row for an empty query. Case and punctuation are ignored. Synchronous over
 * the loaded index: it runs on every keystroke over up to 10,000 outcomes (bench #5b).
 */
export function matchMyOutcomes(index: MyOutcomeIndex, query: string): MyOutcomeRow[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return index.entries.map((e) => e.row);
  const rows: MyOutcomeRow[] = [];
  for (const e of index.entries) if (words.every((w) => e.haystack.includes(w))) rows.push(e.row);
  return rows;
}
