import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';

/** A plan's PCC fund return as this device last pulled it; null when there is none yet. */
export function useFundReturn(planId: string) {
  const { db } = useUserServices();
  return useLiveQuery(async () => (await db.fundReturns.where('planId').equals(planId).first()) ?? null, [db, planId]);
}
