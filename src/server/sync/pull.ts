import { emptyChanges, PULLED_TABLES, type PullChanges, type PullQuery, type PullResponse } from '../../domain/sync/pull';
import type { OutcomeRecord } from '../../domain/outcome';
import type { Storage } from '../storage/storage';
import type { AuthContext } from '../auth/authenticate';
import { decodeCursor, encodeCursor, scopeOf } from './cursor';
import { mayReadReports } from '../../domain/roles';
import { mayReadPrivateFields, type Viewer } from '../../domain/outcome-access';

/**
 * Returns what changed after the device's cursor, for the user's partnerships only, one page
 * at a time.
 *
 * Every pulled row has a version from one counter, unique across tables, taken inside the
 * transaction that wrote it while that counter row is locked (see StorageTx.takeVersion). So a
 * version is never visible before every smaller version is: "everything up to version V" is a
 * complete, stable set and a cursor that says V skips nothing.
 *
 * Paging across several tables: each table gives its `limit` lowest versions above the cursor.
 * If a table filled its page, versions above its last row may still wait there, so the page
 * stops at the smallest such "last row" (the cutoff) and at `limit` rows in all. Everything
 * at or below the cutoff is in this page; the next page continues from it.
 */
export async function pullChanges(storage: Storage, auth: AuthContext, query: PullQuery): Promise<PullResponse> {
  const partnershipIds = auth.memberships.map((m) => m.partnershipId);
  const scope = scopeOf(auth.memberships);
  const cursor = decodeCursor(query.cursor);
  const reset = !cursor || cursor.scope !== scope;
  const after = reset ? 0 : cursor.version;

  const reportsOf = auth.memberships.filter((m) => mayReadReports(m.role)).map((m) => m.partnershipId);
  // One snapshot, so every table is read at the same moment.
  const byTable = await storage.transaction((tx) => tx.feed.changesSince(partnershipIds, reportsOf, after, query.limit), 'read');

  let cutoff = Number.POSITIVE_INFINITY;
  const all: { table: (typeof PULLED_TABLES)[number]; version: number; record: unknown }[] = [];
  for (const table of PULLED_TABLES) {
    const rows = byTable[table];
    if (rows.length === query.limit) cutoff = Math.min(cutoff, rows[rows.length - 1]!.version);
    for (const row of rows) all.push({ table, version: row.version, record: row.record });
  }
  all.sort((a, b) => a.version - b.version);
  const page = all.filter((r) => r.version <= cutoff).slice(0, query.limit);
  const more = page.length < all.length || cutoff !== Number.POSITIVE_INFINITY;

  const changes: PullChanges = emptyChanges();
  const viewer = { id: auth.user.id, memberships: auth.memberships };
  for (const row of page) {
    if (row.table === 'outcomes') {
      changes.outcomes.push(redactFor(viewer, row.record as OutcomeRecord));
    } else {
      (changes[row.table] as unknown[]).push(row.record);
    }
  }
  const lastVersion = page.length > 0 ? page[page.length - 1]!.version : after;
  return { reset, changes, cursor: encodeCursor({ version: lastVersion, scope }), more };
}

/**
 * Officers and viewers see the numbers of everyone's outcomes (the tallies need them) but the
 * notes only of those they may read (src/domain/outcome-access.ts): an officer their own, a
 * coordinator all of their partnership's, a viewer none.
 */
function redactFor(viewer: Viewer, o: OutcomeRecord): OutcomeRecord {
  return mayReadPrivateFields(viewer, o) ? o : { ...o, notes: null };
}
