import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadActionSearchIndex, loadMyActions, loadPlans, matchActions } from './plan-queries';

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

/** The plan's search index is read once (and again when the plan changes); each keystroke only matches. */
export function useActionSearch(query: string) {
  const { db } = useUserServices();
  const index = useLiveQuery(() => loadActionSearchIndex(db), [db]);
  return useMemo(() => index && matchActions(index, query), [index, query]);
}
