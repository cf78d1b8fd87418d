import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadActionSearchIndex, matchActions } from './action-search';

/** The plan's search index is read once (and again when the plan changes); each keystroke only matches. */
export function useActionSearch(query: string) {
  const { db } = useUserServices();
  const index = useLiveQuery(() => loadActionSearchIndex(db), [db]);
  return useMemo(() => index && matchActions(index, query), [index, query]);
}
