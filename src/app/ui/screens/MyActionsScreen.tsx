import { lazy, Suspense, useEffect } from 'react';
import { Link } from 'react-router';
import { useMyActions } from '../../data/my-actions-hooks';
import { useRecentOutcomes, type RecentOutcome } from '../../data/recent-outcomes';
import { ActionList } from '../components/ActionList';
import { Loading } from '../components/Loading';

const loadRecentOutcomes = () => import('../components/RecentOutcomes');
const RecentOutcomes = lazy(loadRecentOutcomes);
// Off the first load: most officers never see it, and never again once installed.
const loadInstallOffer = () => import('../components/InstallOffer');
const InstallOffer = lazy(loadInstallOffer);

/**
 * The officer's own actions: the screen they open most. It is drawn once everything on it is
 * ready, "Log again" (a chunk of its own, with the outcome-type catalogue) and the install offer
 * included: either drawn later pushed the list down under the officer's thumb (Lighthouse's
 * layout shift, bench #2). Only an install offer the browser makes after that still appears late.
 */
export function MyActionsScreen() {
  // Fetched while the outcomes are read, not after: waiting for "Log again" only once they were
  // there made a phone with outcomes start slower than an empty one by a chunk load (bench #6).
  // A failure shows where the chunk is rendered (lazy), not here.
  useEffect(() => {
    loadRecentOutcomes().catch(() => undefined);
    loadInstallOffer().catch(() => undefined);
  }, []);
  const mine = useMyActions();
  const recent = useRecentOutcomes();
  if (!mine || !recent) return <Loading what="Loading your actions" />;
  return (
    <Suspense fallback={<Loading what="Loading your actions" />}>
      <MyActionsPage mine={mine} recent={recent} />
    </Suspense>
  );
}

function MyActionsPage({ mine, recent }: { mine: NonNullable<ReturnType<typeof useMyActions>>; recent: RecentOutcome[] }) {
  return (
    <div className="page">
      {/* Drawn with the page (its Suspense above): appearing after it, the offer pushed the page down. */}
      <InstallOffer />
      <h1>My actions</h1>
      {recent.length > 0 && <RecentOutcomes recent={recent} />}
      {mine.length === 0 ? (
        <p>
          No actions are assigned to you. You can still <Link to="/plan">browse the whole plan</Link> or <Link to="/search">search for an action</Link>.
        </p>
      ) : (
        <>
          <p className="muted">
            {mine.length} {mine.length === 1 ? 'action' : 'actions'} you deliver. Tap one to see its progress or log an outcome.
          </p>
          <ActionList items={mine} />
        </>
      )}
    </div>
  );
}
