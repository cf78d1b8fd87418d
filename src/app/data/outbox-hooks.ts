import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';

/** Outcomes saved on this phone that the server has not confirmed yet. */
export function useWaitingCount(): number | undefined {
  const { db } = useUserServices();
  return useLiveQuery(() => db.outbox.count(), [db]);
}

/** Outcomes the server refused, kept here with the reason. */
export function useNeedsAttention() {
  const { db } = useUserServices();
  return useLiveQuery(() => db.outcomes.where('syncState').equals('rejected').toArray(), [db]);
}
