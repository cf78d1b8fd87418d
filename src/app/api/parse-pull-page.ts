import { z } from '../../domain/zod';
import { PULLED_RECORD, PULLED_TABLES, PullEnvelope, type PullResponse } from '../../domain/sync/pull';

/**
 * Records checked per main-thread task. A page of 1,000 outcomes checked in one go was one of the
 * long tasks of the "pull outcomes" benchmark (zod runs without its compiled fast path under the app's CSP, which
 * forbids eval); a batch of this size stays well under 50 ms on a phone.
 */
const CHECK_BATCH = 100;

/** Lets the page breathe (input, paint) between batches. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Checks a pull page against the protocol exactly as z.safeParse(PullResponse, json) would, but
 * a batch of records per task: the envelope first, then each table's records with its own schema.
 * The result is the page only if every record passed.
 */
export async function parsePullPage(
  json: unknown,
  yieldToPage: () => Promise<void> = nextTask,
): Promise<{ success: true; data: PullResponse } | { success: false; error: z.core.$ZodError }> {
  const envelope = z.safeParse(PullEnvelope, json);
  if (!envelope.success) return envelope;
  const changes: Record<string, unknown[]> = {};
  let sinceYield = 0;
  for (const table of PULLED_TABLES) {
    const raw = envelope.data.changes[table];
    const checked: unknown[] = [];
    for (let i = 0; i < raw.length; i += CHECK_BATCH) {
      if (sinceYield >= CHECK_BATCH) {
        await yieldToPage();
        sinceYield = 0;
      }
      const batch = raw.slice(i, i + CHECK_BATCH);
      const parsed = z.safeParse(z.array(PULLED_RECORD[table] as z.core.$ZodType), batch);
      if (!parsed.success) return parsed;
      checked.push(...parsed.data);
      sinceYield += batch.length;
    }
    changes[table] = checked;
  }
  return { success: true, data: { ...envelope.data, changes: changes as PullResponse['changes'] } };
}
