import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useMyActions } from '../../data/plan-hooks';
import { ActionList } from '../components/ActionList';
import { Loading } from '../components/Loading';

const RecentOutcomes = lazy(() => import('../components/RecentOutcomes'));
// Off the first load: most officers never see it, and never again once installed.
const InstallOffer = lazy(() => import('../components/InstallOffer'));

/** The officer's own actions: the screen they open most. */
export function MyActionsScreen() {
  const mine = useMyActions();
  if (!mine) return <Loading what="Loading your actions" />;
  return (
    <div className="page">
      <Suspense fallback={null}>
        <InstallOffer />
      </Suspense>
      <h1>My actions</h1>
      <Suspense fallback={null}>
        <RecentOutcomes />
      </Suspense>
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
