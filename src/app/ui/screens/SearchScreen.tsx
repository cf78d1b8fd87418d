import { useDeferredValue, useEffect, useState } from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { useActionSearch } from '../../data/plan-hooks';
import { ActionList } from '../components/ActionList';
import type { Action } from '../../../domain/plan';

/**
 * At most this many results are drawn: a phone cannot show more at once, and drawing a thousand
 * cards on the first letter typed made every keystroke lag (bench #5). The count says there are more.
 */
export const SEARCH_RESULTS_SHOWN = 50;

/**
 * Find an action by its ref or by words; the query is copied to the URL so back returns to it.
 *
 * The box holds its own state and the results follow a deferred copy of it (bench #5). Driving
 * the box from the URL made every keystroke a router transition: React put the old text back in
 * the box at the end of the key's event (costly on a phone, and a second key before the
 * transition rendered could lose the first), and the letter appeared only with the results.
 */
export function SearchScreen({
  title = 'Search the plan',
  linkTo,
  heading: Heading = 'h1',
}: {
  title?: string;
  linkTo?: (a: Action) => string;
  heading?: 'h1' | 'h2';
}) {
  const query = useQueryInUrl();
  const results = useActionSearch(query.shown);
  return (
    <div className="page">
      <Heading>{title}</Heading>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="label" htmlFor="search">
          Ref or words
        </label>
        <div className="hint" id="search-hint">
          For example “22”, “safe places” or “hotel watch”
        </div>
        <input
          className="input"
          id="search"
          type="search"
          enterKeyHint="search"
          autoComplete="off"
          aria-describedby="search-hint"
          value={query.typed}
          onChange={(e) => query.type(e.target.value)}
        />
      </form>
      {query.shown.trim() && results && (
        <>
          <p className="muted" role="status">
            {results.length === 0 ? 'No actions match.' : `${results.length.toLocaleString('en-GB')} ${results.length === 1 ? 'action matches' : 'actions match'}.`}
            {results.length > SEARCH_RESULTS_SHOWN && ` The first ${SEARCH_RESULTS_SHOWN} are shown: add a word or a ref to narrow them.`}
          </p>
          <ActionList items={results.slice(0, SEARCH_RESULTS_SHOWN)} linkTo={linkTo} />
        </>
      )}
    </div>
  );
}

/**
 * The text in the box (typed: drawn in the key's own frame), the text the results are for (shown:
 * deferred, so a render of results can be interrupted by the next key), and the URL kept in step
 * with what is shown by replacing the entry. A navigation that is not this screen's own replace
 * (the tab bar's Search, Back to an earlier query) puts the URL's query back in the box.
 */
function useQueryInUrl() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const inUrl = params.get('q') ?? '';
  const [typed, setTyped] = useState(inUrl);
  const [seenKey, setSeenKey] = useState(location.key);
  if (seenKey !== location.key) {
    setSeenKey(location.key);
    if (navigationType !== NavigationType.Replace) setTyped(inUrl);
  }
  const shown = useDeferredValue(typed);
  useEffect(() => {
    // Only once the results have caught up with the box: mid-way, shown can be an older query.
    if (shown === typed && shown !== inUrl) setParams(shown ? { q: shown } : {}, { replace: true });
  }, [shown, typed, inUrl, setParams]);
  return { typed, shown, type: setTyped };
}
