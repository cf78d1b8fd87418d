import { sameListName, type Area } from '../../../domain/partnership-lists';
import { refuse, type Refusal } from './refusal';

/** What resolving an area reads: the partnership's areas, retired ones too. */
export interface AreaLookups {
  listAreas(partnershipId: string): Promise<readonly Area[]>;
}

/**
 * The area an outcome sent by a phone is in (docs/decisions/0044-areas-and-organisations.md):
 * - an areaId must be one of the partnership's areas; a retired one is accepted (the phone chose it
 *   before it heard of the retirement), any other id is refused, naming the field at `path`;
 * - areaId null: not about one area;
 * - no areaId (a release from before areas were records sends only the name): the area of that
 *   name, case aside, retired ones too, or null when there is none. Accepted either way: the town
 *   stays on the outcome as logged, so nothing the officer saved is lost.
 */
export async function resolveArea(
  lookups: AreaLookups,
  partnershipId: string,
  sent: { areaId?: string | null; town?: string | null },
  path: string,
): Promise<string | null | Refusal> {
  if (sent.areaId === null) return null;
  const areas = await lookups.listAreas(partnershipId);
  if (sent.areaId !== undefined) {
    if (areas.some((a) => a.id === sent.areaId)) return sent.areaId;
    const message = 'No such area in this partnership';
    return refuse('invalid', `${path}: ${message}.`, [{ path, message }]);
  }
  const town = sent.town;
  return (town && areas.find((a) => sameListName(a.name, town))?.id) ?? null;
}
