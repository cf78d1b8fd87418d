import { Link, useLocation, useParams } from 'react-router';
import { useActionDetail } from '../../data/action-detail-hooks';
import { formatDate } from '../format-date';
import { Loading } from '../components/Loading';
import { MeasureTallies } from '../components/MeasureTallies';
import { OutcomeList } from '../components/OutcomeList';
import { useChangeOutcome } from '../../data/outcome-hooks';
import { useAttachPhotos, usePhotosOf } from '../../data/photo-hooks';
import { useSyncStatus } from '../../sync/sync-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { coordinatesPartnership, mayChangeOutcome } from '../../../domain/outcome-access';
import { mayWrite } from '../../../domain/roles';

/** One action: what it is, each measure's tally so far, and the button to log an outcome. */
export function ActionScreen() {
  const { actionId = '' } = useParams();
  const detail = useActionDetail(actionId);
  const location = useLocation();
  const savedMessage = (location.state as { saved?: string } | null)?.saved;
  const me = useCurrentUser();
  const { syncing } = useSyncStatus();
  const { remove } = useChangeOutcome();
  const photos = usePhotosOf(detail ? detail.outcomes.map((o) => o.id) : []);
  const attachPhotos = useAttachPhotos();

  if (detail === undefined) return <Loading />;
  if (detail === null) return <NotOnPhone />;
  const { action, priority, objective, measures, outcomes, seeAlso } = detail;
  const coordinates = (partnershipId: string) => coordinatesPartnership(me, partnershipId);
  // A viewer of the action's partnership (decision 42) reads it and logs nothing.
  const role = me.memberships.find((m) => m.partnershipId === detail.plan?.partnershipId)?.role;
  const writes = role !== undefined && mayWrite(role);
  return (
    <div className="page page--with-sticky">
      {savedMessage && (
        <div className="banner banner--success" role="status">
          <p>{savedMessage}</p>
        </div>
      )}
      <p className="caption">
        {priority?.name}
        {objective && <span className="muted"> · {objective.title}</span>}
      </p>
      <h1>{action.ref ? `Ref ${action.ref}` : 'Action'}</h1>
      <p className="lead">{action.text}</p>
      <dl className="summary-list">
        <div>
          <dt>Lead</dt>
          <dd>{action.leadAgencies.length > 0 ? action.leadAgencies.join('; ') : 'Not given'}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{action.dueOn ? formatDate(action.dueOn) : 'No date set'}</dd>
        </div>
        {seeAlso.length > 0 && (
          <div>
            <dt>See also</dt>
            <dd>
              {seeAlso.map((s, i) => (
                <span key={s.id}>
                  {i > 0 && ', '}
                  <Link to={`/actions/${s.id}`}>Ref {s.ref}</Link>
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      <h2>Measures</h2>
      <MeasureTallies measures={measures} />
      <h2>Outcomes logged</h2>
      <OutcomeList
        outcomes={outcomes}
        areas={detail.areasById}
        syncing={syncing}
        canRepeat={(o) => writes && o.authorId === me.id}
        photos={photos}
        onAddPhotos={attachPhotos}
        canChange={(o) => mayChangeOutcome(me, o)}
        historyLink={(o) => (coordinates(o.partnershipId) && o.version !== null ? `/partnerships/${o.partnershipId}/outcomes/${o.id}/history` : undefined)}
        onDelete={remove}
      />
      {writes && (
        <div className="sticky-actions">
          <Link className="button button--block" to={`/actions/${action.id}/log`}>
            Log an outcome
          </Link>
        </div>
      )}
    </div>
  );
}

function NotOnPhone() {
  return (
    <div className="page">
      <h1>Action not found</h1>
      <p>This action is not in the plan on this phone. It may have been removed from the plan, or the plan has not synced yet.</p>
      <p>
        <Link to="/plan">Go to the plan</Link>
      </p>
    </div>
  );
}
