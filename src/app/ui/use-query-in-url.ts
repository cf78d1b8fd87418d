import { useDeferredValue, useEffect, useState } from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';

/**
 * A search box's text for a screen that filters as the officer types (the "plan search" and "Your outcomes" benchmarks): typed is
 * drawn in the key's own frame; shown, the text the results are for, is deferred, so a render of
 * results can be interrupted by the next key; the URL's ?q= follows shown (replacing the entry,
 * so Back returns to the search as it was). A navigation that is not the screen's own replace
 * (the tab bar, Back to an earlier query) puts the URL's query back in the box.
 *
 * Why not drive the box from the URL: every keystroke became a router transition, so React put
 * the old text back in the box at the end of the key's event (a costly write on a phone, and a
 * second key before the transition rendered could lose the first), and the letter appeared only
 * with the results.
 */
export function useQueryInUrl() {
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
