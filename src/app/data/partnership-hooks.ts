import { areasOrTownNames } from './area-names';
import { useLiveQuery } from 'dexie-react-hooks';
import { entriesInUse } from '../../domain/partnership-lists';
import { useUserServices } from '../services/services-context';

/** The partnerships whose plans are on this phone, by name (most officers have one), each with its areas in use, by name. */
export function useMyPartnerships() {
  const { db } = useUserServices();
  return useLiveQuery(async () => {
    const [partnerships, areas] = await Promise.all([db.partnerships.toArray(), db.areas.toArray()]);
    return partnerships
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({ id: p.id, name: p.name, areas: entriesInUse(areasOrTownNames(areas.filter((a) => a.partnershipId === p.id), p)) }));
  }, [db]);
}
