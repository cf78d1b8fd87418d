import { Link, useSearchParams } from 'react-router';
import { localIsoDate } from '../../../domain/primitives';
import { labelFor } from '../../../domain/outcome-types/format';
import { usePlans } from '../../data/plan-hooks';
import { usePeriodProgress } from '../../data/progress-hooks';
import type { ActionProgressRow, PeriodProgress } from '../../data/period-progress';
import { Loading } from '../components/Loading';
import { TableRegion } from '../components/TableRegion';
import { CoordinatorNav } from './CoordinatorNav';
import { PeriodPicker } from './PeriodPicker';
import { MonthBars, TownBars } from './charts';
import { RagTag } from './RagTag';
import { chosenPeriod } from './period-choice';
import { drillDownLink } from './drill-down-link';
import { coordinatesPartnership } from '../../../domain/outcome-access';
import { isCoordinator } from '../../../domain/roles';
import { useCurrentUser } from '../../session/use-current-user';

/**
 * Coordinator view: every action's measures for a period — the financial year, a quarter or any
 * range — tallied from what officers logged, against target, by town and by month, with a
 * suggested RAG status and the quarter's review. Every figure opens the outcomes behind it.
 */
export default function ProgressScreen() {
  const [params] = useSearchParams();
  const plans = usePlans();
  const today = localIsoDate(new Date());
  const view = plans?.find((p) => p.plan.id === params.get('plan')) ?? plans?.[0];
  const period = view ? chosenPeriod(view.plan, params.get('from'), params.get('to'), today) : null;
  const progress = usePeriodProgress(view?.plan.id, period);
  const me = useCurrentUser();
  if (!plans || (view && progress === undefined)) return <Loading what="Adding up outcomes" />;
  if (!view || !period || !progress) {
    return (
      <div className="page">
        <h1>Progress</h1>
        <p>No plan on this device yet. {isCoordinator(me) ? <Link to="/plans">Create or import one</Link> : 'It arrives when the partnership has one.'}</p>
      </div>
    );
  }
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={view.plan.partnershipId} />
      <p className="caption">{view.partnership?.name}</p>
      <h1>Progress: {view.plan.title}</h1>
      {plans.length > 1 && (
        <p>
          Other plans:{' '}
          {plans
            .filter((p) => p.plan.id !== view.plan.id)
            .map((p, i) => (
              <span key={p.plan.id}>
                {i > 0 && ' · '}
                <Link to={`/progress?plan=${p.plan.id}`}>{p.plan.title}</Link>
              </span>
            ))}
        </p>
      )}
      <PeriodPicker plan={view.plan} period={period} today={today} />
      <Summary progress={progress} reviews={coordinatesPartnership(me, view.plan.partnershipId)} />
      <ProgressTable progress={progress} />
    </div>
  );
}

/** `reviews`: the user runs the plan's partnership, so may open its quarterly review; a viewer reads the report only. */
function Summary({ progress, reviews }: { progress: PeriodProgress; reviews: boolean }) {
  const { rows, outcomeCount, lateCount, pendingCount, quarter, signOff, plan, period } = progress;
  const counts = { green: 0, amber: 0, red: 0 };
  for (const r of rows) {
    const rag = r.review?.rag ?? r.suggested;
    if (rag) counts[rag]++;
  }
  return (
    <>
      <p data-testid="progress-summary">
        {period.label}: {outcomeCount} {outcomeCount === 1 ? 'outcome' : 'outcomes'} logged across {rows.filter((r) => r.outcomeCount > 0).length} of{' '}
        {rows.length} actions. {counts.green} green, {counts.amber} amber, {counts.red} red.
        {pendingCount > 0 && ` ${pendingCount} still waiting on this device to sync.`}
      </p>
      {outcomeCount === 0 && (
        <p className="report__notice" data-testid="progress-empty">
          Nothing was logged against this plan in this period: every figure below is nil.
          {period.end < plan.periodStart || period.start > plan.periodEnd ? ' The period is outside the plan’s own.' : ''}
        </p>
      )}
      {lateCount > 0 && (
        <p className="banner banner--warning" role="status">
          {lateCount} {lateCount === 1 ? 'outcome arrived' : 'outcomes arrived'} after {lateCount === 1 ? 'its' : 'their'} quarter was signed off (marked late
          below).
        </p>
      )}
      {quarter && (
        <p>
          {signOff ? `Signed off by ${signOff.signedOffByName}. ` : 'Not signed off yet. '}
          {reviews && (
            <>
              <Link to={`/plans/${plan.id}/review/${quarter.start}`}>Quarterly review</Link>
              {' · '}
            </>
          )}
          <Link to={`/plans/${plan.id}/reports/quarter/${quarter.start}`}>Quarterly progress report</Link>
        </p>
      )}
    </>
  );
}

function ProgressTable({ progress }: { progress: PeriodProgress }) {
  const { rows, period, plan } = progress;
  return (
    <TableRegion label={`Progress on ${plan.title}`}>
      <table className="progress-table">
        <caption className="visually-hidden">Measures and what has been logged against them in {period.label}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Measure</th>
            <th scope="col" className="num">
              In the period
            </th>
            <th scope="col">Plan to date</th>
            <th scope="col">By area</th>
            <th scope="col">By month</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ActionRows key={row.action.id} row={row} progress={progress} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function ActionRows({ row, progress }: { row: ActionProgressRow; progress: PeriodProgress }) {
  const { action, priority, measures, suggested, review, lateIds } = row;
  const span = Math.max(measures.length, 1);
  const head = (
    <th scope="row" rowSpan={span} className="progress-table__action">
      <Link to={`/actions/${action.id}`}>{action.ref ? `Ref ${action.ref}` : 'Action'}</Link>
      <span className="muted"> · {priority?.name}</span>
      <span className="progress-table__who">{action.text.length > 120 ? `${action.text.slice(0, 119)}…` : action.text}</span>
      <span className="progress-table__who">{review?.rag ? <RagTag rag={review.rag} /> : <RagTag rag={suggested} suggested />}</span>
      {review?.commentary && <span className="progress-table__who">“{review.commentary}”</span>}
      {lateIds.length > 0 && <span className="tag tag--waiting">{lateIds.length} late</span>}
    </th>
  );
  if (measures.length === 0) {
    return (
      <tr>
        {head}
        <td colSpan={5} className="muted">
          No measures
        </td>
      </tr>
    );
  }
  return (
    <>
      {measures.map(({ measure, progress: p }, i) => {
        const first = p.inPeriod.figures[0];
        const target = measure.tally.target;
        const toDate = p.toDate.figures[0];
        return (
          <tr key={measure.id} data-testid={`progress-${measure.id}`}>
            {i === 0 && head}
            <td>{measure.text}</td>
            <td className="num" data-testid="progress-total">
              {p.inPeriod.figures.map((f, fi) => (
                <span key={fi} className="progress-table__figure">
                  {p.outcomeIds.length > 0 ? <Link to={drillDownLink(measure.id, progress)}>{f.display}</Link> : f.display}{' '}
                  {f.figure.kind === 'latest' ? '' : labelFor(f.figure.label, f.value)}
                </span>
              ))}
              {p.inPeriod.pendingCount > 0 && <span className="tag tag--waiting">{p.inPeriod.pendingCount} waiting</span>}
            </td>
            <td>
              {toDate && first?.figure.kind !== 'latest' ? (
                <>
                  {toDate.value > 0 ? <Link to={drillDownLink(measure.id, progress, { toDate: true })}>{toDate.display}</Link> : toDate.display}
                  {target !== null && ` of ${target.toLocaleString('en-GB')}`}
                  {p.suggestion && (
                    <>
                      <span className="meter" role="img" aria-label={`${Math.round(p.suggestion.ratio * 100)}% of the target expected by now`}>
                        <span style={{ width: `${Math.min(100, Math.round(p.suggestion.ratio * 100))}%` }} />
                      </span>
                      <RagTag rag={p.suggestion.rag} suggested />
                    </>
                  )}
                </>
              ) : (
                (toDate?.display ?? '—')
              )}
            </td>
            <td>
              {first && first.figure.kind !== 'latest' ? (
                <TownBars towns={first.byTown} linkFor={(town) => drillDownLink(measure.id, progress, { town })} />
              ) : (
                '—'
              )}
            </td>
            <td>
              <MonthBars months={p.byMonth} />
            </td>
          </tr>
        );
      })}
    </>
  );
}
