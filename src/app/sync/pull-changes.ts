import type { PullResponse } from '../../domain/sync/pull';
import type { ApiClient } from '../api/api-client';
import { PULLED_STORES, type FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome, OutboxEntry } from '../db/local-records';
import { applyOutcomeChanges, type OutcomeRecord } from '../../domain/outcome';
import type { OutcomeUpdateArgs } from '../../domain/sync/push';
import { planNotices } from './plan-notices';

export interface PullSummary {
  pages: number;
  records: number;
}

/** Pulls page after page until the server says there is no more. viewerId: the signed-in user, whom notices concern. */
export async function pullAll(db: FieldbookDb, api: ApiClient, viewerId: string, pageSize?: number): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, records: 0 };
  for (;;) {
    const cursor = (await db.meta.get('pullCursor'))?.value;
    const page = await api.pull(cursor === undefined ? undefined : String(cursor), pageSize);
    summary.pages++;
    summary.records += await applyPullPage(db, page, viewerId);
    if (!page.more) return summary;
  }
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
    const notices = await planNotices(db, page, viewerId, now);
    if (notices.length > 0) await db.notices.bulkPut(notices);
    if (page.reset) {
      // Start again from what the server says now; the officer's own unsynced or refused work stays.
      await Promise.all(stores.map((s) => s.clear()));
      await db.outcomes.where('syncState').equals('synced').delete();
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
      if (rows.length > 0) await (db[store] as unknown as { bulkPut(r: unknown[]): Promise<unknown> }).bulkPut(rows);
    }
    if (page.changes.outcomes.length > 0) {
      count += page.changes.outcomes.length;
      await db.outcomes.bulkPut(await rebase(db, page.changes.outcomes));
    }
    if (page.changes.places.length > 0) {
      count += page.changes.places.length;
      // A place with a change still queued here keeps the officer's view until the change lands.
      const ids = page.changes.places.map((p) => p.id);
      const queued = new Set((await db.outbox.where('outcomeId').anyOf(ids).toArray()).map((e) => e.outcomeId));
      await db.places.bulkPut(page.changes.places.filter((p) => !queued.has(p.id)).map((p) => ({ ...p, syncState: 'synced' as const })));
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
async function rebase(db: FieldbookDb, pulled: OutcomeRecord[]): Promise<LocalOutcome[]> {
  const ids = pulled.map((o) => o.id);
  const [existing, queued] = await Promise.all([db.outcomes.bulkGet(ids), db.outbox.where('outcomeId').anyOf(ids).sortBy('seq')]);
  const queuedFor = new Map<string, OutboxEntry[]>();
  for (const e of queued) queuedFor.set(e.outcomeId, [...(queuedFor.get(e.outcomeId) ?? []), e]);
  return pulled.map((server, i) => {
    const local = existing[i];
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
