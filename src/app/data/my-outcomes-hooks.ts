import { useEffect, useMemo, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadMyOutcomeIndex, loadNewestMyOutcomes, MyOutcomeMatcher, type MyOutcomeMatches, type MyOutcomeRow } from './my-outcomes';

/**
 * What "Your outcomes" can show:
 * - undefined: nothing read yet (an instant);
 * - newest: the index is still being built; the newest outcomes are known (fewer than asked
 *   for means that is all of them), no search can be answered yet;
 * - all: the index is built; total and the matches of the query are exact.
 */
export type MyOutcomeSearch =
  | undefined
  | { state: 'newest'; newest: MyOutcomeRow[] }
  | ({ state: 'all'; total: number } & MyOutcomeMatches);

/**
 * The officer's outcomes matching a query, live. On opening, the newest `limit` are read at once
 * and drawn while the whole index is read a page at a time (never one long task); each keystroke
 * then only matches. Both are live queries: a save or a sync reads them again, and until the new
 * index is built the previous one answers.
 */
export function useMyOutcomeSearch(query: string, limit: number): MyOutcomeSearch {
  const { db, user } = useUserServices();
  // Each build takes a number; one that is no longer the latest (Dexie started another because the
  // outcomes changed, or the screen closed) stops reading at its next page.
  const builds = useRef(0);
  useEffect(
    () => () => {
      builds.current++;
    },
    [],
  );
  const index = useLiveQuery(() => {
    const build = ++builds.current;
    return loadMyOutcomeIndex(db, user.id, () => builds.current === build);
  }, [db, user.id]);
  // Once the index is built the newest are drawn from it (the count and the rows from the same read).
  const built = Boolean(index);
  const newest = useLiveQuery(() => (built ? null : loadNewestMyOutcomes(db, user.id, limit)), [db, user.id, limit, built]);
  const matcher = useMemo(() => (index ? new MyOutcomeMatcher(index) : null), [index]);
  return useMemo((): MyOutcomeSearch => {
    if (matcher) return { state: 'all', total: matcher.total, ...matcher.match(query, limit) };
    return newest ? { state: 'newest', newest } : undefined;
  }, [matcher, newest, query, limit]);
}
