import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome } from '../db/local-records';
import { loadAreasById, underCurrentNames } from './area-names';

/**
 * Outcomes by id as this device holds them, newest first: the drill-down behind a number. Each
 * under its area's current name, as the figure it is behind counted it.
 */
export async function loadOutcomesBehind(db: FieldbookDb, ids: readonly string[]): Promise<LocalOutcome[]> {
  const [outcomes, areas] = await Promise.all([db.outcomes.bulkGet([...ids]), loadAreasById(db)]);
  const found = outcomes.filter((o): o is LocalOutcome => o !== undefined);
  return underCurrentNames(found, areas).sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.recordedAt.localeCompare(a.recordedAt));
}
