import type { Transaction } from 'dexie';

/** Outcomes rewritten per request batch: the upgrade holds this many in memory at a time, not the whole phone's. */
const BATCH = 500;

/**
 * v5 → v6. Outcomes whose server copy is exactly their own fields are stored without it (see
 * server-copy.ts): every outcome is read and written again through the app's middleware, which
 * leaves the copy out where it is the same and keeps it everywhere else (queued edits, refusals,
 * records the server does not have yet). Nothing else changes; the queue is not touched.
 */
export function upgradeToV6(tx: Transaction): Promise<void> {
  return rewriteOutcomes(tx);
}

/** Reads every outcome and writes it back through the app's middleware, which stores it packed (v6, v7). */
export async function rewriteOutcomes(tx: Transaction): Promise<void> {
  const outcomes = tx.table('outcomes');
  const keys = await outcomes.toCollection().primaryKeys();
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = await outcomes.bulkGet(keys.slice(i, i + BATCH));
    await outcomes.bulkPut(batch.filter((o) => o !== undefined));
  }
}
