import { useQueryInUrl } from '../use-query-in-url';
import { useActionSearch } from '../../data/action-search-hooks';
import { ActionList } from '../components/ActionList';
import { SearchBox } from '../components/SearchBox';
import type { Action } from '../../../domain/plan';

/**
 * At most this many results are drawn: a phone cannot show more at once, and drawing a thousand
 * cards on the first letter typed made every keystroke lag (the "plan search" benchmark). The count says there are more.
 */
export const SEARCH_RESULTS_SHOWN = 50;

/** Find an action by its ref or by words; the query is copied to the URL so back returns to it (useQueryInUrl). */
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
      <SearchBox id="search" label="Ref or words" hint="For example “22”, “safe places” or “hotel watch”" query={query} />
      {query.shown.trim() && results && (
        <>
          <p className="muted" role="status">
            {results.length === 0
              ? 'No actions match.'
              : `${results.length.toLocaleString('en-GB')} ${results.length === 1 ? 'action matches' : 'actions match'}.`}
            {results.length > SEARCH_RESULTS_SHOWN && ` The first ${SEARCH_RESULTS_SHOWN} are shown: add a word or a ref to narrow them.`}
          </p>
          <ActionList items={results.slice(0, SEARCH_RESULTS_SHOWN)} linkTo={linkTo} />
        </>
      )}
    </div>
  );
}
