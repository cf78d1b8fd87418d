import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadPlans } from './plan-queries';

/*
 * Live views of the plan on this phone: each re-renders when IndexedDB changes, including
 * changes made by sync or by another tab. undefined while loading. My actions and the search
 * have hooks of their own (my-actions-hooks.ts, action-search-hooks.ts), so that the first load
 * does not carry the whole plan's queries.
 */

export function usePlans() {
  const { db } = useUserServices();
  return useLiveQuery(() => loadPlans(db), [db]);
}
