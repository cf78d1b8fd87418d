import { useMyActions } from '../../data/my-actions-hooks';
import { useRecentOutcomes } from '../../data/recent-outcomes';
import { ActionList } from '../components/ActionList';
import { Loading } from '../components/Loading';
import { SearchScreen } from './SearchScreen';
import RecentOutcomes from '../components/RecentOutcomes';

const logFor = (a: { id: string }) => `/actions/${a.id}/log`;

/** "Log outcome" from the tab bar or the home-screen shortcut: pick the action first. */
export function ChooseActionScreen() {
  const mine = useMyActions();
  const recent = useRecentOutcomes();
  if (!mine || !recent) return <Loading />;
  return (
    <>
      {mine.length > 0 && (
        <div className="page">
          <h1>Log an outcome</h1>
          {/* The shortcut's commonest use is a repeat: the last kinds of outcome come first. */}
          <RecentOutcomes recent={recent} />
          <h2>Your actions</h2>
          <ActionList items={mine} linkTo={logFor} />
        </div>
      )}
      <SearchScreen title={mine.length > 0 ? 'Another action' : 'Log an outcome: find the action'} heading={mine.length > 0 ? 'h2' : 'h1'} linkTo={logFor} />
    </>
  );
}
