import type { Kysely, Transaction } from 'kysely';
import { PULLED_TABLES, type PlanRemoval, type PullChanges, type PulledTable } from '../../../domain/sync/pull';
import type { OutcomeRecord } from '../../../domain/outcome';
import type { ActionReview, QuarterSignOff } from '../../../domain/review';
import type { FundReturn } from '../../../domain/fund-return';
import type { Database } from '../schema';
import type { FeedChanges, FeedStore, Versioned } from './feed-store';
import type { Partnership } from '../../../domain/plan';
import { toAction, toIndicator, toMeasure, toObjective, toPartnership, toPlan, toPriority } from './plan-rows';
import { toListEntry } from './kysely-partnership-list-store';
import { toRemoval } from './kysely-plan-store';
import { toStoredOutcome } from './kysely-outcome-store';
import { toPlace } from './kysely-place-store';
import { toReview, toSignOff } from './kysely-review-store';
import { toFundReturn } from './kysely-fund-return-store';

/** Who may pull a table: every member of a partnership, or only those who may read its reports (coordinators and viewers). */
type Audience = 'members' | 'report-readers';

/** What one read of the feed asks of every table: its partnerships, versions after the cursor, lowest first, a page. */
interface Window {
  partnershipIds: readonly string[];
  after: number;
  limit: number;
}

/** A name joined from `users`: the person a record names (its author, who last changed it). */
type Named<T> = T & { author_name: string };

/** One pulled table: who may see it, which rows are its, and what the device is sent of each (a record of PullChanges). */
interface FeedTable<R extends { version: number }, P> {
  seenBy: Audience;
  select: (t: Transaction<Database>, window: Window) => Promise<R[]>;
  toRecord: (row: R) => P;
}

/** A FeedTable with its row type checked against its mapping, then left behind. */
interface FeedReader<P> {
  seenBy: Audience;
  read: (t: Transaction<Database>, window: Window) => Promise<Versioned<P>[]>;
}

function pulled<R extends { version: number }, P>(table: FeedTable<R, P>): FeedReader<P> {
  return {
    seenBy: table.seenBy,
    read: async (t, window) => (await table.select(t, window)).map((r) => ({ version: Number(r.version), record: table.toRecord(r) })),
  };
}

/**
 * The pull, table by table: every table of PullChanges must have its row here (the type says so).
 * Reviews and fund returns are the coordinators' working papers, which viewers read too; sign-offs
 * are everyone's, since a signed-off quarter locks its outcomes for officers too.
 */
const FEED: { [K in PulledTable]: FeedReader<PullChanges[K][number]> } = {
  partnerships: pulled({ seenBy: 'members', select: partnershipsWithTowns, toRecord: toPulledPartnership }),
  areas: pulled({ seenBy: 'members', select: rowsOf('areas'), toRecord: toListEntry }),
  organisations: pulled({ seenBy: 'members', select: rowsOf('organisations'), toRecord: toListEntry }),
  plans: pulled({ seenBy: 'members', select: rowsOf('plans'), toRecord: toPlan }),
  objectives: pulled({ seenBy: 'members', select: rowsOf('objectives'), toRecord: toObjective }),
  priorities: pulled({ seenBy: 'members', select: rowsOf('priorities'), toRecord: toPriority }),
  indicators: pulled({ seenBy: 'members', select: rowsOf('indicators'), toRecord: toIndicator }),
  actions: pulled({ seenBy: 'members', select: rowsOf('actions'), toRecord: toAction }),
  measures: pulled({ seenBy: 'members', select: rowsOf('measures'), toRecord: toMeasure }),
  outcomes: pulled({ seenBy: 'members', select: namedRowsOf('outcomes', 'author_id'), toRecord: toPulledOutcome }),
  places: pulled({ seenBy: 'members', select: rowsOf('places'), toRecord: toPlace }),
  removals: pulled({ seenBy: 'members', select: rowsOf('plan_removals'), toRecord: toPulledRemoval }),
  reviews: pulled({ seenBy: 'report-readers', select: namedRowsOf('action_reviews', 'updated_by'), toRecord: toPulledReview }),
  signOffs: pulled({ seenBy: 'members', select: namedRowsOf('quarter_sign_offs', 'signed_off_by'), toRecord: toPulledSignOff }),
  fundReturns: pulled({ seenBy: 'report-readers', select: namedRowsOf('fund_returns', 'updated_by'), toRecord: toPulledFundReturn }),
};

/** The pull feed over the caller's ('read') transaction: one query per table, all against one snapshot. */
export class KyselyFeedStore implements FeedStore {
  constructor(private readonly t: Transaction<Database>) {}

  async changesSince(partnershipIds: readonly string[], reportsOf: readonly string[], after: number, limit: number): Promise<FeedChanges> {
    if (partnershipIds.length === 0) return Object.fromEntries(PULLED_TABLES.map((table) => [table, []])) as unknown as FeedChanges;
    const windows: Record<Audience, Window> = {
      members: { partnershipIds, after, limit },
      // An empty IN list is not portable SQL: a partnership id that cannot exist stands in.
      'report-readers': { partnershipIds: reportsOf.length > 0 ? reportsOf : ['-'], after, limit },
    };
    const pages = await Promise.all(PULLED_TABLES.map((table) => FEED[table].read(this.t, windows[FEED[table].seenBy])));
    return Object.fromEntries(PULLED_TABLES.map((table, i) => [table, pages[i]])) as unknown as FeedChanges;
  }
}

/** The tables a feed can read: those with a partnership and a version, and the partnerships themselves. */
type FeedSqlTable = 'partnerships' | { [T in keyof Database]: Database[T] extends { partnership_id: string; version: number } ? T : never }[keyof Database];

/**
 * The feed's query, written once for every table: the table's rows in the window's partnerships
 * (by `scope`, its partnership column) with versions after the cursor, lowest first, a page; and,
 * when `namedBy` is given, the name of the user that column refers to, as `author_name`.
 * Typed by the callers below: the table and columns are checked there, not here.
 */
function windowed(from: FeedSqlTable, scope: string, namedBy?: string) {
  return async (t: Transaction<Database>, w: Window): Promise<unknown[]> => {
    const db = t as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const column = (name: string) => `${from}.${name}`;
    return db
      .selectFrom(from)
      .selectAll(from)
      .$if(namedBy !== undefined, (q) => q.innerJoin('users', 'users.id', column(namedBy!)).select('users.name as author_name'))
      .where(column(scope), 'in', [...w.partnershipIds])
      .where(column('version'), '>', w.after)
      .orderBy(column('version'))
      .limit(w.limit)
      .execute();
  };
}

/** A table's rows, scoped by its partnership column (`id` for the partnerships themselves). */
function rowsOf<T extends FeedSqlTable>(from: T, scope: 'partnership_id' | 'id' = 'partnership_id') {
  return windowed(from, scope) as (t: Transaction<Database>, w: Window) => Promise<Database[T][]>;
}

/** A table's rows with the name of the user in column `namedBy`. */
function namedRowsOf<T extends FeedSqlTable>(from: T, namedBy: keyof Database[T] & string) {
  return windowed(from, 'partnership_id', namedBy) as (t: Transaction<Database>, w: Window) => Promise<Named<Database[T]>[]>;
}

/**
 * The partnerships' rows with the names of their areas in use: the towns a phone of a release from
 * before areas were records still reads (an area's write gives its partnership a fresh version).
 */
async function partnershipsWithTowns(t: Transaction<Database>, w: Window): Promise<(Database['partnerships'] & { towns: string[] })[]> {
  const rows = await rowsOf('partnerships', 'id')(t, w);
  if (rows.length === 0) return [];
  const areas = await t
    .selectFrom('areas')
    .select(['partnership_id', 'name'])
    .where(
      'partnership_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('retired', '=', 0)
    .orderBy('name_key')
    .execute();
  return rows.map((r) => ({ ...r, towns: areas.filter((a) => a.partnership_id === r.id).map((a) => a.name) }));
}

// What the device is sent of the records that are stored with more than it may see.

function toPulledPartnership(r: Database['partnerships'] & { towns: string[] }): Partnership {
  return { ...toPartnership(r), towns: r.towns };
}

function toPulledOutcome(r: Named<Database['outcomes']>): OutcomeRecord {
  const { deviceId: _device, fieldVersions: _fields, ...rest } = toStoredOutcome(r);
  // A tombstone carries no notes: the device only needs to know the outcome is gone.
  return { ...rest, notes: rest.deletedAt ? null : rest.notes, authorName: r.author_name };
}

function toPulledRemoval(r: Database['plan_removals']): PlanRemoval {
  const { partnershipId: _p, removedBy: _by, ...removal } = toRemoval(r);
  return removal;
}

function toPulledReview(r: Named<Database['action_reviews']>): ActionReview {
  const { partnershipId: _p, updatedBy: _by, ...review } = toReview(r);
  return { ...review, updatedByName: r.author_name };
}

function toPulledSignOff(r: Named<Database['quarter_sign_offs']>): QuarterSignOff {
  const { partnershipId: _p, signedOffBy: _by, ...signOff } = toSignOff(r);
  return { ...signOff, signedOffByName: r.author_name };
}

function toPulledFundReturn(r: Named<Database['fund_returns']>): FundReturn {
  const { partnershipId: _p, updatedBy: _by, ...doc } = toFundReturn(r);
  return { ...doc, updatedByName: r.author_name };
}
