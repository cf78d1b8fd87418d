import type { Transaction } from 'dexie';
import { rewriteOutcomes } from './v6-server-copy';

/**
 * v6 → v7. Synced outcomes are stored without `syncState` (see server-copy.ts), so the
 * `syncState` index keeps only waiting and refused ones: every outcome is read and written again
 * through the app's middleware, which leaves the field out where the record is synced. The
 * `actionId` index is dropped by the schema itself (the compound [actionId+occurredOn] serves the
 * same queries); nothing else changes and the queue is not touched.
 */
export function upgradeToV7(tx: Transaction): Promise<void> {
  return rewriteOutcomes(tx);
}
