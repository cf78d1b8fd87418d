import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadActionDetail } from './action-detail';

/** One action with its measures tallied, live; null when the action is not on this phone. */
export function useActionDetail(actionId: string) {
  const { db } = useUserServices();
  return useLiveQuery(() => loadActionDetail(db, actionId), [db, actionId]);
}
