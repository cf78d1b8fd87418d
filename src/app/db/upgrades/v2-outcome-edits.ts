import type { Transaction } from 'dexie';

/**
 * v1 → v2. Outcomes gain the fields edits and deletes need: the server's version and copy (not
 * known for v1 records), tombstone and local-delete flags. The pull cursor is dropped, so the next
 * sync fetches everything again with versions; the officer's pending and refused outcomes, and
 * the whole outbox, are kept exactly as they were.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('outcomes')
    .toCollection()
    .modify((o: Record<string, unknown>) => {
      o.version = null;
      o.deletedAt = null;
      o.server = null;
      o.localDeleted = false;
    });
  await tx.table('meta').delete('pullCursor');
}
