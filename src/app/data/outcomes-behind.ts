import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome } from '../db/local-records';

/** Outcomes by id as this device holds them, newest first: the drill-down behind a number. */
export async function loadOutcomesBehind(db: FieldbookDb, ids: readonly string[]): Promise<LocalOutcome[]> {
  const found = (await db.outcomes.bulkGet([...ids])).filter((o): o is LocalOutcome => o !== undefined);
  return found.sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.recordedAt.localeCompare(a.recordedAt));
}
