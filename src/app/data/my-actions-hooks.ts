import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadMyActions } from './my-actions-queries';

/** The signed-in officer's actions, live: re-renders when sync or another tab changes the plan. */
export function useMyActions() {
  const { db, user } = useUserServices();
  return useLiveQuery(() => loadMyActions(db, user.id), [db, user.id]);
}
