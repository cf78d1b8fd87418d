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

/**
 * A phone updated from a release before areas were records holds its partnership's town names and
 * no area records until its first sync after the update, which re-pulls everything. Offline until
 * then, it offers those names; an outcome logged in one is pushed with its town and no areaId, and
 * the server finds the area by the name, as for an earlier release.
 */
const BY_NAME = 'by-name:';

/** The partnership's areas, or while the phone holds none yet, its town names standing in for them. */
export function areasOrTownNames(areas: readonly Area[], partnership: { id: string; towns?: readonly string[] } | undefined): Area[] {
  if (areas.length > 0 || !partnership) return [...areas];
  return (partnership.towns ?? []).map((name) => ({ id: `${BY_NAME}${name}`, partnershipId: partnership.id, name, retired: false }));
}

/** The areaId an outcome in this choice carries: none for a town name standing in for an area (the server finds it by name). */
export const areaIdOf = (choice: string): string | undefined => (choice.startsWith(BY_NAME) ? undefined : choice);
