import type { Transaction } from 'dexie';

/**
 * v7 → v8: a partnership's areas and partner organisations as records (new tables, filled by the
 * pull). Outcomes on the phone keep their town's name and gain an area id only when pulled again,
 * so the pull cursor is dropped: the next sync fetches everything afresh, areas and each outcome's
 * areaId with it (as the server's own cursor change would ask anyway). The queue is not touched: a
 * queued outcome carries only its town's name, and the server finds the area by it. Nothing else
 * changes; the officer's pending and refused outcomes stay as they were.
 */
export async function upgradeToV8(tx: Transaction): Promise<void> {
  await tx.table('meta').delete('pullCursor');
}
