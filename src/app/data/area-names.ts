import { areaNameOf } from '../../domain/area-name';
import type { Area } from '../../domain/partnership-lists';
import type { FieldbookDb } from '../db/fieldbook-db';

export type AreasById = ReadonlyMap<string, Area>;

/** Every area on this device, retired ones included (they stay on the outcomes that used them). */
export async function loadAreasById(db: FieldbookDb): Promise<AreasById> {
  return new Map((await db.areas.toArray()).map((a) => [a.id, a]));
}

/**
 * Outcomes as progress, reports and lists read them: `town` is the name their area goes by now
 * (areaNameOf), so a renamed area keeps its outcomes together under its new name, and the tallies'
 * `town` is that name too. For reading only: never written back.
 */
export function underCurrentNames<T extends { areaId?: string | null; town: string | null }>(outcomes: readonly T[], areas: AreasById): T[] {
  return outcomes.map((o) => {
    const town = areaNameOf(o, areas);
    return town === o.town ? o : { ...o, town };
  });
}
