import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadAreasById, type AreasById } from './area-names';

const NONE: AreasById = new Map();

/**
 * Every area on this device by id, live: what an outcome's area is called now (areaNameOf). Empty
 * until read, so outcomes show their names as logged for that moment.
 */
export function useAreasById(): AreasById {
  const { db } = useUserServices();
  return useLiveQuery(() => loadAreasById(db), [db]) ?? NONE;
}
