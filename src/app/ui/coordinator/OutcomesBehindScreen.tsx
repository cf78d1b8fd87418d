import './coordinator.css';
import { Link, useSearchParams } from 'react-router';
import { localIsoDate } from '../../../domain/primitives';
import { summariseOutcome } from '../../../domain/outcome-types/summary';
import { isLate, signOffCovering } from '../../../domain/review';
import { usePeriodProgress, useOutcomesBehind } from '../../data/progress-hooks';
import { Loading } from '../components/Loading';
import { TableRegion } from '../components/TableRegion';
import { formatDate } from '../format-date';
import { chosenPeriod } from './period-choice';
import { progressLink } from './drill-down-link';
import { usePlans } from '../../data/plan-hooks';
import { NotOnDevice } from './NotOnDevice';
import { coordinatesPartnership } from '../../../domain/outcome-access';
import { useCurrentUser } from '../../session/use-current-user';

/** The outcomes behind one figure of the progress table: every number can be checked. */
export default function OutcomesBehindScreen() {
  const [params] = useSearchParams();
  const plans = usePlans();
  const view = plans?.find((p) => p.plan.id === params.get('plan'));
  const period = view ? chosenPeriod(view.plan, params.get('from'), params.get('to'), localIsoDate(new Date())) : null;
  const progress = usePeriodProgress(view?.plan.id, period);
  const me = useCurrentUser();
  const measureId = params.get('measure');
  const row = progress?.rows.find((r) => r.measures.some((m) => m.measure.id === measureId));
  const measure = row?.measures.find((m) => m.measure.id === measureId);
  // ?town= narrows to one area by its current name ('' = not about one area), as the area figures do (case aside).
  const town = params.get('town');
  const behind = useOutcomesBehind(measure?.progress.outcomeIds ?? []);
  const outcomes = town === null ? behind : behind?.filter((o) => (o.town ?? '').toLowerCase() === town.toLowerCase());
  if (!plans || progress === undefined || outcomes === undefined) return <Loading what="Finding the outcomes" />;
  if (!view || !period || !row || !measure) {
    return <NotOnDevice title="Nothing to show" why="That measure is not on this device." back={{ to: '/progress', label: 'Back to progress' }} />;
  }
  return (
    <div className="page page--wide">
      <p className="caption">
        <Link to={progressLink(view.plan.id, period)}>Progress, {period.label}</Link>
      </p>
      <h1>
        {row.action.ref ? `Ref ${row.action.ref}: ` : ''}
        {measure.measure.text}
      </h1>
      <p>
        {outcomes.length} {outcomes.length === 1 ? 'outcome' : 'outcomes'} counted in {period.label}
        {town === null ? '' : town === '' ? ', not about one area' : ` in ${town}`}.
      </p>
      <TableRegion label="Outcomes behind the figure">
        <table className="progress-table" data-testid="outcomes-behind">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What</th>
              <th scope="col">Area</th>
              <th scope="col">Logged by</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.id}>
                <td>{formatDate(o.occurredOn)}</td>
                <td>{summariseOutcome(o.type, o.details, 5)}</td>
                <td>{o.town ?? 'Not about one area'}</td>
                <td>{o.authorName}</td>
                <td>
                  {o.syncState === 'pending'
                    ? 'Waiting to sync'
                    : isLate(o, signOffCovering(progress!.signOffs, view.plan.id, o.occurredOn))
                      ? 'Late'
                      : 'Synced'}
                  {/* A viewer (decision 42) reads no history: it holds the notes. */}
                  {coordinatesPartnership(me, o.partnershipId) && (
                    <>
                      {' · '}
                      <Link to={`/partnerships/${o.partnershipId}/outcomes/${o.id}/history`}>History</Link>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
