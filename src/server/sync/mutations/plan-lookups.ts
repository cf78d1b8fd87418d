import type { Action, Measure } from '../../../domain/plan';
import type { StorageTx } from '../../storage/storage';
import type { PlanRemovalRecord } from '../../storage/stores/plan-store';
import type { StoredPlace } from '../../storage/stores/place-store';
import type { AreaLookups } from './resolve-area';

/** What checking an outcome against the plan reads: the action, where a removed one went, its measures, a place's register, the areas. */
export interface PlanLookups extends AreaLookups {
  findAction(actionId: string): Promise<(Action & { partnershipId: string }) | undefined>;
  findRemoval(recordId: string): Promise<PlanRemovalRecord | undefined>;
  listMeasuresOfAction(actionId: string): Promise<Measure[]>;
  findPlace(placeId: string): Promise<Pick<StoredPlace, 'partnershipId' | 'kind'> | undefined>;
}

/**
 * Lookups remembered for one push's transaction. A push of 200 outcomes names a handful of
 * actions: reading each action, its measures (and parsing their JSON) once per push instead of
 * once per outcome is most of what batching saves. Safe because a push never changes the plan
 * or the partnership's areas, and a place's partnership and register never change; a place not found is NOT remembered, since
 * a place.create later in the same push may add it.
 */
export function cachedPlanLookups(tx: StorageTx): PlanLookups {
  const actions = new Map<string, ReturnType<PlanLookups['findAction']>>();
  const removals = new Map<string, ReturnType<PlanLookups['findRemoval']>>();
  const measures = new Map<string, ReturnType<PlanLookups['listMeasuresOfAction']>>();
  const places = new Map<string, Pick<StoredPlace, 'partnershipId' | 'kind'>>();
  const areas = new Map<string, ReturnType<PlanLookups['listAreas']>>();
  const remember = <T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
    let value = map.get(key);
    if (!value) map.set(key, (value = read()));
    return value;
  };
  return {
    findAction: (id) => remember(actions, id, () => tx.plans.findAction(id)),
    findRemoval: (id) => remember(removals, id, () => tx.plans.findRemoval(id)),
    listMeasuresOfAction: (id) => remember(measures, id, () => tx.plans.listMeasuresOfAction(id)),
    listAreas: (partnershipId) => remember(areas, partnershipId, () => tx.lists.list('areas', partnershipId)),
    async findPlace(id) {
      const known = places.get(id);
      if (known) return known;
      const place = await tx.places.find(id);
      if (place) places.set(id, { partnershipId: place.partnershipId, kind: place.kind });
      return place;
    },
  };
}
