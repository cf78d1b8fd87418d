import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadMyOutcomeIndex, matchMyOutcomes } from './my-outcomes';

/**
 * The officer's outcomes matching a query, live: the index is read again when their outcomes
 * change (a save, a sync), each keystroke only matches. undefined while loading.
 */
export function useMyOutcomeSearch(query: string) {
  const { db, user } = useUserServices();
  const index = useLiveQuery(() => loadMyOutcomeIndex(db, user.id), [db, user.id]);
  return useMemo(() => index && { total: index.entries.length, matches: matchMyOutcomes(index, query) }, [index, query]);
}
