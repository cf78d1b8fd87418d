import { useEffect, useState, type ComponentType } from 'react';
import { Link } from 'react-router';
import { useMyActions } from '../../data/my-actions-hooks';
import { useRecentOutcomes, type RecentOutcome } from '../../data/recent-outcomes';
import { ActionList } from '../components/ActionList';
import { Loading } from '../components/Loading';

/** The screen's parts off the first load: "Log again" (with the outcome-type catalogue) and the install offer (most officers never see it). */
interface LazyParts {
  RecentOutcomes: ComponentType<{ recent: RecentOutcome[] }>;
  InstallOffer: ComponentType;
}

let loadedParts: LazyParts | undefined;
let loadingParts: Promise<LazyParts> | undefined;
function loadParts(): Promise<LazyParts> {
  loadingParts ??= Promise.all([import('../components/RecentOutcomes'), import('../components/InstallOffer')]).then(
    ([recent, offer]) => (loadedParts = { RecentOutcomes: recent.default, InstallOffer: offer.default }),
    (error: unknown) => {
      loadingParts = undefined; // tried again when the screen is next opened
      throw error;
    },
  );
  return loadingParts;
}

/**
 * The lazy parts as plain components once their chunks have loaded, not React.lazy: a lazy
 * component suspends on its first render even when its chunk is already there, and React holds
 * back the content of a Suspense boundary that showed its fallback until 300 ms after it did
 * (its fallback throttle) — on every start, the list waited that long (the "cold start" benchmark; decision 32).
 * A chunk that cannot be loaded is thrown to the screen's error boundary, as lazy() did.
 */
function useLazyParts(): LazyParts | undefined {
  const [parts, setParts] = useState<LazyParts | Error | undefined>(loadedParts);
  useEffect(() => {
    if (parts) return;
    let live = true;
    loadParts().then(
      (loaded) => live && setParts(loaded),
      (error: unknown) => live && setParts(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [parts]);
  if (parts instanceof Error) throw parts;
  return parts;
}

/**
 * The officer's own actions: the screen they open most. It is drawn once everything on it is
 * ready, "Log again" and the install offer included: either drawn later pushed the list down
 * under the officer's thumb (Lighthouse's layout shift, the "Lighthouse" benchmark). Only an install offer the
 * browser makes after that still appears late. The parts' chunks are fetched while the outcomes
 * are read, not after: waiting for "Log again" only once they were there made a phone with
 * outcomes start slower than an empty one by a chunk load (the "cold start" benchmark).
 */
export function MyActionsScreen() {
  const parts = useLazyParts();
  const mine = useMyActions();
  const recent = useRecentOutcomes();
  if (!mine || !recent || !parts) return <Loading what="Loading your actions" />;
  return <MyActionsPage mine={mine} recent={recent} parts={parts} />;
}

function MyActionsPage({
  mine,
  recent,
  parts: { RecentOutcomes, InstallOffer },
}: {
  mine: NonNullable<ReturnType<typeof useMyActions>>;
  recent: RecentOutcome[];
  parts: LazyParts;
}) {
  return (
    <div className="page">
      {/* Drawn with the page: appearing after it, the offer pushed the page down. */}
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
