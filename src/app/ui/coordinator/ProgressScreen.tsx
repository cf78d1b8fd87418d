import { Link } from 'react-router';
import { labelFor } from '../../../domain/tally';
import { useProgress } from '../../data/progress-hooks';
import { Loading } from '../components/Loading';
import { TableRegion } from '../components/TableRegion';
import { CoordinatorNav } from './CoordinatorNav';

/** Coordinator view: every action's measures with what officers have logged, by town. */
export default function ProgressScreen() {
  const plans = useProgress();
  if (!plans) return <Loading what="Adding up outcomes" />;
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={plans[0]?.view.plan.partnershipId} />
      {plans.map(({ view, actions, outcomeCount }) => (
        <section key={view.plan.id}>
          <p className="caption">{view.partnership?.name}</p>
          <h1>Progress: {view.plan.title}</h1>
          <p className="muted">
            {outcomeCount} {outcomeCount === 1 ? 'outcome' : 'outcomes'} logged across {actions.filter((a) => a.outcomeCount > 0).length} of {actions.length} actions.
          </p>
          <TableRegion label={`Progress on ${view.plan.title}`}>
            <table className="progress-table">
              <caption className="visually-hidden">Measures and what has been logged against them</caption>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Measure</th>
                  <th scope="col" className="num">
                    Logged
                  </th>
                  <th scope="col">By town</th>
                </tr>
              </thead>
              <tbody>
                {actions.map(({ action, priorityName, measures, contributors }) =>
                  (measures.length > 0 ? measures : [null]).map((m, i) => (
                    <tr key={`${action.id}-${m?.measure.id ?? 'none'}`} data-testid={m ? `progress-${m.measure.id}` : undefined}>
                      {i === 0 && (
                        <th scope="row" rowSpan={Math.max(measures.length, 1)} className="progress-table__action">
                          <Link to={`/actions/${action.id}`}>{action.ref ? `Ref ${action.ref}` : 'Action'}</Link>
                          <span className="muted"> · {priorityName}</span>
                          {contributors.length > 0 && <span className="progress-table__who">Logged by {contributors.join(', ')}</span>}
                        </th>
                      )}
                      <td>{m?.measure.text ?? <span className="muted">No measures</span>}</td>
                      <td className="num" data-testid={m ? 'progress-total' : undefined}>
                        {m?.tally.figures.map((f, fi) => (
                          <span key={fi} className="progress-table__figure">
                            {f.display}
                            {fi === 0 && m.measure.tally.target !== null && f.figure.kind !== 'latest' && ` of ${m.measure.tally.target}`} {f.figure.kind === 'latest' ? '' : labelFor(f.figure.label, fi === 0 && m.measure.tally.target !== null ? m.measure.tally.target : f.value)}
                          </span>
                        ))}
                        {m && m.tally.pendingCount > 0 && <span className="tag tag--waiting">{m.tally.pendingCount} waiting</span>}
                      </td>
                      <td>{m?.tally.figures[0]?.byTown.map((t) => `${t.town ?? 'Not town-specific'} ${t.value}`).join(', ')}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ))}
    </div>
  );
}
