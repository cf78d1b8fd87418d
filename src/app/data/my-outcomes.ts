import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive, type LocalOutcome } from '../db/local-records';
import { HIGHEST_KEY, LOWEST_KEY } from '../db/key-range';
import { isOutcomeTypeId, outcomeType } from '../../domain/outcome-types/catalogue';
import { areaNameOf } from '../../domain/area-name';
import { loadAreasById, type AreasById } from './area-names';

/** One of the officer's outcomes as their list shows it. Notes are never in it: they may be sensitive. */
export interface MyOutcomeRow {
  id: string;
  actionId: string;
  typeLabel: string;
  actionRef: string | null;
  actionText: string;
  /** Its area, by the name the area goes by now. */
  town: string | null;
  placeName: string | null;
  occurredOn: string;
  syncState: LocalOutcome['syncState'];
}

/**
 * Every outcome the officer logged that is on the phone, newest first, and beside each (same
 * position) the text a search looks through: type, action ref and words, town, place and notes,
 * lower-cased once here so that a keystroke only compares. The haystacks stay in memory on the
 * phone and are never drawn (the notes may be sensitive).
 */
export interface MyOutcomeIndex {
  rows: readonly MyOutcomeRow[];
  haystacks: readonly string[];
}

/**
 * Outcomes read per IndexedDB request while the index is built. Each page is one request, and
 * its success event is its own task: deserialising the page and making its rows happen in that
 * task, and the browser handles keys and paints between pages. 500 made tasks of up to ~50 ms on
 * the loaded bench machine, so 250, leaving room for slower phones (decision 34); reading all
 * 10,000 in one request was one task of up to a second.
 */
export const INDEX_PAGE = 250;

/** Shown while deleted ones are left out; rejected ones stay, as everywhere else, until the officer fixes or discards them. */
const isShown = (o: LocalOutcome) => isLive(o) || o.syncState === 'rejected';

/**
 * Visits the officer's outcomes newest first, `pageSize` per read through the [authorId+recordedAt]
 * index, until visit returns false or none are left. Outcomes recorded in the same millisecond
 * are common (a pull, a batch): a page ends inside a run of equal times, so the next read starts
 * at that time again (inclusive) and skips the ones already visited, by id.
 */
async function forEachPage(db: FieldbookDb, userId: string, pageSize: number, visit: (page: LocalOutcome[]) => Promise<boolean>): Promise<void> {
  let upper: string | typeof HIGHEST_KEY = HIGHEST_KEY;
  let readAtUpper = new Set<string>();
  for (;;) {
    const limit = pageSize + readAtUpper.size;
    const page = await db.outcomes
      .where('[authorId+recordedAt]')
      .between([userId, LOWEST_KEY], [userId, upper], true, true)
      .reverse()
      .limit(limit)
      .toArray();
    const fresh = readAtUpper.size === 0 ? page : page.filter((o) => !readAtUpper.has(o.id));
    if (!(await visit(fresh.filter(isShown))) || page.length < limit) return;
    const last = page[page.length - 1]!.recordedAt;
    if (last !== upper) readAtUpper = new Set();
    upper = last;
    for (const o of page) if (o.recordedAt === last) readAtUpper.add(o.id);
  }
}

/**
 * Turns outcomes into rows, reading the actions and places they name that it has not met yet
 * (an officer's outcomes name a few dozen actions: after the first page there is rarely any).
 */
class RowMaker {
  private readonly actions = new Map<string, { ref: string | null; text: string } | undefined>();
  private readonly placeNames = new Map<string, string | null>();
  private areas: AreasById | undefined;

  constructor(private readonly db: FieldbookDb) {}

  async rows(outcomes: LocalOutcome[]): Promise<{ rows: MyOutcomeRow[]; haystacks: string[] }> {
    const actionIds = [...new Set(outcomes.map((o) => o.actionId).filter((id) => !this.actions.has(id)))];
    const placeIds = [...new Set(outcomes.flatMap((o) => (o.placeId && !this.placeNames.has(o.placeId) ? [o.placeId] : [])))];
    const [actions, places, areas] = await Promise.all([
      actionIds.length > 0 ? this.db.actions.bulkGet(actionIds) : [],
      placeIds.length > 0 ? this.db.places.bulkGet(placeIds) : [],
      this.areas ?? loadAreasById(this.db),
    ]);
    this.areas = areas;
    actionIds.forEach((id, i) => this.actions.set(id, actions[i]));
    placeIds.forEach((id, i) => this.placeNames.set(id, places[i]?.name ?? null));
    const rows: MyOutcomeRow[] = [];
    const haystacks: string[] = [];
    for (const o of outcomes) {
      const action = this.actions.get(o.actionId);
      const row: MyOutcomeRow = {
        id: o.id,
        actionId: o.actionId,
        typeLabel: isOutcomeTypeId(o.type) ? outcomeType(o.type).label : o.type,
        actionRef: action?.ref ?? null,
        actionText: action?.text ?? 'An action no longer on this phone',
        town: areaNameOf(o, areas),
        placeName: (o.placeId && this.placeNames.get(o.placeId)) || null,
        occurredOn: o.occurredOn,
        syncState: o.syncState,
      };
      rows.push(row);
      const text = [row.typeLabel, row.actionRef ? `ref ${row.actionRef}` : '', row.actionText, row.town ?? '', row.placeName ?? '', o.notes];
      haystacks.push(text.join(' ').toLowerCase());
    }
    return { rows, haystacks };
  }
}

/**
 * The officer's newest `limit` outcomes, for the screen to draw at once while the search index is
 * built: a read or two of `limit` through the index, instead of all of them.
 */
export async function loadNewestMyOutcomes(db: FieldbookDb, userId: string, limit: number): Promise<MyOutcomeRow[]> {
  const maker = new RowMaker(db);
  const rows: MyOutcomeRow[] = [];
  await forEachPage(db, userId, limit, async (page) => {
    rows.push(...(await maker.rows(page.slice(0, limit - rows.length))).rows);
    return rows.length < limit;
  });
  return rows;
}

/**
 * Reads the whole index a page at a time (see INDEX_PAGE), with the actions and places named.
 * stillWanted is asked between pages: a build that a newer one replaced (the outcomes changed
 * meanwhile) or whose screen closed stops there, and its partial result, which nobody will use,
 * is null.
 */
export async function loadMyOutcomeIndex(db: FieldbookDb, userId: string, stillWanted: () => boolean = () => true, pageSize = INDEX_PAGE): Promise<MyOutcomeIndex | null> {
  const maker = new RowMaker(db);
  const rows: MyOutcomeRow[] = [];
  const haystacks: string[] = [];
  let abandoned = false;
  await forEachPage(db, userId, pageSize, async (page) => {
    if (!stillWanted()) {
      abandoned = true;
      return false;
    }
    const made = await maker.rows(page);
    for (let i = 0; i < made.rows.length; i++) {
      rows.push(made.rows[i]!);
      haystacks.push(made.haystacks[i]!);
    }
    return true;
  });
  return abandoned ? null : { rows, haystacks };
}

/** The words of a query as a search compares them: lower-cased, split on anything but letters and digits. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** How many rows match a query, and the first `limit` of them (newest first), for drawing. */
export interface MyOutcomeMatches {
  count: number;
  rows: MyOutcomeRow[];
}

/**
 * Matches queries against one index, keystroke after keystroke (the "Your outcomes" benchmark). A row matches when
 * its haystack holds every word. The positions that matched the last query are kept: when the
 * next query only extends it (each earlier word is inside one of the new words, as with every
 * letter typed at the end), its matches are a subset of those, so only those are looked at.
 * The count is exact; rows beyond `limit` are counted but not collected.
 */
export class MyOutcomeMatcher {
  private last: { words: string[]; positions: Int32Array | null } = { words: [], positions: null };

  constructor(private readonly index: MyOutcomeIndex) {}

  get total(): number {
    return this.index.rows.length;
  }

  match(query: string, limit: number): MyOutcomeMatches {
    const words = queryWords(query);
    const { rows, haystacks } = this.index;
    if (words.length === 0) return { count: rows.length, rows: rows.slice(0, limit) };
    const narrows = this.last.words.length > 0 && this.last.words.every((old) => words.some((w) => w.includes(old)));
    const from = narrows ? this.last.positions : null;
    const n = from ? from.length : haystacks.length;
    const positions = new Int32Array(n);
    let count = 0;
    for (let k = 0; k < n; k++) {
      const i = from ? from[k]! : k;
      const haystack = haystacks[i]!;
      let all = true;
      for (const w of words) {
        if (!haystack.includes(w)) {
          all = false;
          break;
        }
      }
      if (all) positions[count++] = i;
    }
    this.last = { words, positions: positions.subarray(0, count) };
    const shown: MyOutcomeRow[] = [];
    for (let k = 0; k < count && k < limit; k++) shown.push(rows[positions[k]!]!);
    return { count, rows: shown };
  }
}
