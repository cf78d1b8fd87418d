import type { PushResponse } from '../../domain/sync/push';
import type { ApiClient } from '../api/api-client';
import type { FieldbookDb } from '../db/fieldbook-db';
import { deviceId } from './device-id';

export const PUSH_BATCH = 200;

export interface PushSummary {
  applied: number;
  rejected: number;
  requests: number;
}

/**
 * Sends the outbox, oldest first, in batches, until it is empty.
 *
 * An entry leaves the outbox only when the server has answered for it (applied, already applied
 * or refused for good). If the answer is lost, the entry is sent again and the server, which
 * remembers the last sequence number it applied for this device, reports it as already applied:
 * retries never double-count.
 */
export async function pushOutbox(db: FieldbookDb, api: ApiClient): Promise<PushSummary> {
  const device = await deviceId(db);
  const summary: PushSummary = { applied: 0, rejected: 0, requests: 0 };
  for (;;) {
    const batch = await db.outbox.orderBy('seq').limit(PUSH_BATCH).toArray();
    if (batch.length === 0) return summary;
    const response = await api.push({ deviceId: device, mutations: batch.map(({ seq, kind, args }) => ({ seq, kind, args })) });
    summary.requests++;
    const counts = await applyPushResponse(db, response);
    summary.applied += counts.applied;
    summary.rejected += counts.rejected;
  }
}

/**
 * Records the server's answer in one transaction, so outbox and outcome states never disagree.
 * An answered entry leaves the outbox; its outcome is synced once nothing of it is queued, or
 * rejected (kept, with the reason) if the server refused it.
 */
async function applyPushResponse(db: FieldbookDb, response: PushResponse): Promise<{ applied: number; rejected: number }> {
  let applied = 0;
  let rejected = 0;
  await db.transaction('rw', [db.outbox, db.outcomes, db.places], async () => {
    for (const result of response.results) {
      const entry = await db.outbox.get(result.seq);
      if (!entry) continue;
      await db.outbox.delete(result.seq);
      if (entry.kind.startsWith('place.')) {
        const place = await db.places.get(entry.outcomeId);
        if (!place) continue;
        if (result.status === 'rejected') {
          rejected++;
          await db.places.put({ ...place, syncState: 'rejected', rejection: { code: result.code, message: result.message, fieldErrors: result.fieldErrors, kind: entry.kind } });
        } else {
          applied++;
          const stillQueued = (await db.outbox.where('outcomeId').equals(entry.outcomeId).count()) > 0;
          if (!stillQueued && place.syncState === 'pending') await db.places.put({ ...place, syncState: 'synced' });
        }
        continue;
      }
      const outcome = await db.outcomes.get(entry.outcomeId);
      if (!outcome) continue;
      if (result.status === 'rejected') {
        rejected++;
        await db.outcomes.put({
          ...outcome,
          syncState: 'rejected',
          rejection: { code: result.code, message: result.message, fieldErrors: result.fieldErrors, kind: entry.kind },
        });
      } else {
        applied++;
        const stillQueued = (await db.outbox.where('outcomeId').equals(entry.outcomeId).count()) > 0;
        if (!stillQueued && outcome.syncState === 'pending') await db.outcomes.put({ ...outcome, syncState: 'synced' });
      }
    }
  });
  return { applied, rejected };
}
