import type { PullResponse } from '../../domain/sync/pull';
import type { ApiClient } from '../api/api-client';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome, OutboxEntry } from '../db/local-records';
import { applyOutcomeChanges, type OutcomeRecord } from '../../domain/outcome';
import type { OutcomeUpdateArgs } from '../../domain/sync/push';
import { planNotices } from './plan-notices';

/** The phone's tables a pull fills as the server sends them (here, with the sync code, not in the first screen's bundle). */
const PULLED_STORES = [
  'partnerships',
  'areas',
  'organisations',
  'plans',
  'objectives',
  'priorities',
  'indicators',
  'actions',
  'measures',
  'reviews',
  'signOffs',
  'fundReturns',
] as const;

export interface PullSummary {
  pages: number;
  records: number;
}

/**
 * Pulls page after page until the server says there is no more. viewerId: the signed-in user, whom
 * notices concern.
 *
 * The next page is asked for while this one is applied (the server's query, the transfer and the
 * parse overlap IndexedDB's writes). It is asked for with the cursor this page carries, which is
 * exactly the cursor its transaction stores; if applying this page fails, the page asked for ahead
 * is dropped unread and the error stands, so nothing is applied out of order and the cursor only
 * moves with a committed page.
 */
export async function pullAll(db: FieldbookDb, api: ApiClient, viewerId: string, pageSize?: number): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, records: 0 };
  const cursor = (await db.meta.get('pullCursor'))?.value;
  let next = api.pull(cursor === undefined ? undefined : String(cursor), pageSize);
  for (;;) {
    const page = await next;
    summary.pages++;
    if (page.more) {
      next = api.pull(page.cursor, pageSize);
      // Handled where it is awaited; a failure while this page applies must not go unhandled.
      next.catch(() => undefined);
    }
    summary.records += await applyPullPage(db, page, viewerId);
    if (!page.more) return summary;
  }
}

/**
 * Records written per request batch within a page's transaction. Each batch is cloned for
 * IndexedDB in one main-thread task; the next batch goes out from the previous one's success
 * event, a task of its own, so a page of 1,000 never blocks the page for its whole length
 * (the "pull outcomes" benchmark: no task over 50 ms). Still one transaction: the page and its cursor commit together.
 */
const WRITE_BATCH = 200;

async function putInBatches<T>(table: { bulkPut(rows: T[]): Promise<unknown> }, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_BATCH) await table.bulkPut(rows.slice(i, i + WRITE_BATCH));
}

/**
 * Applies one page and its cursor in ONE transaction (bulk writes: IndexedDB's cost is per
 * transaction, not per record). If the tab dies halfway, neither the records nor the cursor moved,
 * and the same page is simply pulled again.
 */
export async function applyPullPage(db: FieldbookDb, page: PullResponse, viewerId: string, now = new Date()): Promise<number> {
  const stores = PULLED_STORES.map((s) => db[s]);
  let count = 0;
  await db.transaction('rw', [...stores, db.outcomes, db.places, db.outbox, db.meta, db.notices], async () => {
    // Most pages arrive with nothing queued on the phone: then no record needs rebasing on queued work.
    const outboxEmpty = (await db.outbox.count()) === 0;
    const notices = await planNotices(db, page, viewerId, now);
    if (notices.length > 0) await db.notices.bulkPut(notices);
    if (page.reset) {
      // Start again from what the server says now; the officer's own unsynced or refused work stays.
      await Promise.all(stores.map((s) => s.clear()));
      // The syncState index holds only outcomes that are not synced (database v7): every other one goes.
      const keep = new Set(await db.outcomes.where('syncState').anyOf('pending', 'rejected').primaryKeys());
      await db.outcomes.bulkDelete((await db.outcomes.toCollection().primaryKeys()).filter((id) => !keep.has(id)));
      await db.places.filter((p) => p.syncState === 'synced').delete();
    }
    // Removals first: a merge's removal is older than the outcomes it moved (see mergeAction).
    for (const removal of page.changes.removals) {
      count++;
      await db[removal.table].delete(removal.id);
      // Outcomes on this phone still under a merged action (waiting, or refused) follow it, as the
      // server moves them when they arrive; their queued pushes are left as they were sent.
      if (removal.table === 'actions' && removal.mergedInto !== null) {
        await db.outcomes.where('actionId').equals(removal.id).modify({ actionId: removal.mergedInto });
      }
    }
    for (const store of PULLED_STORES) {
      const rows = page.changes[store];
      count += rows.length;
      // The union of the stores' record types is too wide for TypeScript to line up with each store.
      await putInBatches(db[store] as unknown as { bulkPut(r: unknown[]): Promise<unknown> }, rows);
    }
    if (page.changes.outcomes.length > 0) {
      count += page.changes.outcomes.length;
      await putInBatches(db.outcomes, await rebase(db, page.changes.outcomes, outboxEmpty));
    }
    if (page.changes.places.length > 0) {
      count += page.changes.places.length;
      // A place with a change still queued here keeps the officer's view until the change lands.
      const ids = page.changes.places.map((p) => p.id);
      const queued = new Set(outboxEmpty ? [] : (await db.outbox.where('outcomeId').anyOf(ids).toArray()).map((e) => e.outcomeId));
      await putInBatches(
        db.places,
        page.changes.places.filter((p) => !queued.has(p.id)).map((p) => ({ ...p, syncState: 'synced' as const })),
      );
    }
    await db.meta.put({ key: 'pullCursor', value: page.cursor });
  });
  return count;
}

/**
 * The officer's view of each pulled outcome: the server's copy, with any changes still queued on
 * this phone applied on top (so a pull never undoes work that has not reached the server yet).
 * A refused record keeps its state until the officer deals with it.
 */
async function rebase(db: FieldbookDb, pulled: OutcomeRecord[], outboxEmpty: boolean): Promise<LocalOutcome[]> {
  const ids = pulled.map((o) => o.id);
  // Only a refused record's own state is kept (below), so only refused records are read back:
  // through the syncState index, not a read of every pulled id.
  const refusedIds = new Set(await db.outcomes.where('syncState').equals('rejected').primaryKeys());
  const [refused, queued] = await Promise.all([
    refusedIds.size === 0 ? ([] as (LocalOutcome | undefined)[]) : db.outcomes.bulkGet(ids.filter((id) => refusedIds.has(id))),
    outboxEmpty ? ([] as OutboxEntry[]) : db.outbox.where('outcomeId').anyOf(ids).sortBy('seq'),
  ]);
  const refusedById = new Map(refused.filter((o): o is LocalOutcome => o !== undefined).map((o) => [o.id, o]));
  const queuedFor = new Map<string, OutboxEntry[]>();
  for (const e of queued) queuedFor.set(e.outcomeId, [...(queuedFor.get(e.outcomeId) ?? []), e]);
  return pulled.map((server) => {
    const local = refusedById.get(server.id);
    const pending = queuedFor.get(server.id) ?? [];
    let view: LocalOutcome = { ...server, syncState: 'synced', server, localDeleted: false };
    for (const entry of pending) {
      if (entry.kind === 'outcome.update') view = applyOutcomeChanges(view, (entry.args as OutcomeUpdateArgs).changes);
      if (entry.kind === 'outcome.delete') view = { ...view, localDeleted: true };
    }
    if (pending.length > 0) view = { ...view, syncState: 'pending' };
    else if (local?.syncState === 'rejected') view = { ...local, server, version: server.version, deletedAt: server.deletedAt };
    return view;
  });
}
