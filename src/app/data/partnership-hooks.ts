import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';

/** The partnerships whose plans are on this phone, by name (most officers have one). */
export function useMyPartnerships() {
  const { db } = useUserServices();
  return useLiveQuery(async () => (await db.partnerships.toArray()).sort((a, b) => a.name.localeCompare(b.name)), [db]);
}
