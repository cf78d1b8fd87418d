import type { PullResponse } from '../../src/domain/sync/pull';
import { logOutcome } from '../../src/app/data/log-outcome';
import { outcomeFor } from './outcomes';
import type { TestDevice } from './test-device';

/**
 * Reads the pull feed page by page from `cursor` while `write` runs, and on until a page says
 * nothing more is waiting once the writers are done: the id of every outcome pulled, in the
 * order pulled (repeats kept), and what `write` returned.
 */
export async function pullWhileWriting<T>(
  pullPage: (cursor: string) => Promise<PullResponse>,
  cursor: string,
  write: () => Promise<T>,
): Promise<{ seen: string[]; written: T }> {
  const seen: string[] = [];
  let writing = true;
  const reading = (async () => {
    for (;;) {
      const page = await pullPage(cursor);
      seen.push(...page.changes.outcomes.map((o) => o.id));
      cursor = page.cursor;
      if (!page.more && !writing) return;
    }
  })();
  let written: T;
  try {
    written = await write();
  } finally {
    writing = false;
  }
  await reading;
  return { seen, written };
}

/**
 * Logs hate crime training sessions (ref 22) on the device, `batches` times `perBatch`, syncing
 * after each batch; returns their ids. Many sessions the same day in the same town: each
 * confirmed as a real one.
 */
export async function logSessionsInBatches(device: TestDevice, batches: number, perBatch: number): Promise<string[]> {
  const ids: string[] = [];
  const values = await outcomeFor(device.db, '22');
  for (let batch = 0; batch < batches; batch++) {
    for (let i = 0; i < perBatch; i++) {
      const details = { ...values.details, attendees: batch * perBatch + i + 1 };
      ids.push((await logOutcome(device.db, device.user, { ...values, details }, undefined, { confirmDuplicate: true })).id);
    }
    await device.sync.syncNow();
  }
  return ids;
}
