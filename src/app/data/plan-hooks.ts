import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadMyActions, loadPlans, searchActions } from './plan-queries';

/*
 * Live views of the plan on this phone: each re-renders when IndexedDB changes, including
 * changes made by sync or by another tab. undefined while loading.
 */

export function usePlans() {
  const { db } = useUserServices();
  return useLiveQuery(() => loadPlans(db), [db]);
}

export function useMyActions() {
  const { db, user } = useUserServices();
  return useLiveQuery(() => loadMyActions(db, user.id), [db, user.id]);
}

export function useActionSearch(query: string) {
  const { db } = useUserServices();
  return useLiveQuery(() => searchActions(db, query), [db, query]);
}
