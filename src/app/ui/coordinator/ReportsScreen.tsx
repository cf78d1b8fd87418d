import { Link } from 'react-router';
import { localIsoDate } from '../../../domain/primitives';
import { useManagedPlans } from '../../data/plan-admin-hooks';
import { Loading } from '../components/Loading';
import { CoordinatorNav } from './CoordinatorNav';
import { yearsOfPlan } from './period-choice';
import { hasCoordinatorRights } from '../../../domain/roles';
import { RETURN_STAGES } from '../../../domain/fund-return';
import { STAGE_LABEL } from '../../data/fund-return-report';

/**
 * Every report a coordinator produces, by plan: the quarterly progress reports, the PCC return, and
 * the outcomes export. A viewer (decision 42) reads the same reports, without the review and
 * sign-off or the return's editing.
 */
export default function ReportsScreen() {
  const partnerships = useManagedPlans();
  if (!partnerships) return <Loading what="Loading the plans" />;
  const today = localIsoDate(new Date());
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={partnerships[0]?.partnershipId} />
      <h1>Reports</h1>
      {partnerships.flatMap((p) =>
        p.plans.map(({ plan }) => {
          const quarters = yearsOfPlan(plan).flatMap((y) => y.quarters);
          const runs = hasCoordinatorRights(p.role);
          return (
            <section key={plan.id} className="panel" aria-labelledby={`reports-${plan.id}`}>
              <p className="caption">{p.partnershipName}</p>
              <h2 id={`reports-${plan.id}`}>{plan.title}</h2>
              <h3>Quarterly progress reports for the CSP meeting</h3>
              <ul className="link-list">
                {quarters.map((q) => (
                  <li key={q.start}>
                    <Link to={`/plans/${plan.id}/reports/quarter/${q.start}`}>{q.label}</Link>
                    {q.start > today && <span className="muted"> (not started)</span>}
                    {runs && (
                      <>
                        {' · '}
                        <Link to={`/plans/${plan.id}/review/${q.start}`}>
                          review and sign-off<span className="visually-hidden"> for {q.label}</span>
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              <h3>PCC Community Safety Fund return</h3>
              {runs ? (
                <p>
                  <Link to={`/plans/${plan.id}/reports/pcc`}>Spending plan, mid-year and end-year returns</Link>
                </p>
              ) : (
                <ul className="link-list">
                  {RETURN_STAGES.map((stage) => (
                    <li key={stage}>
                      <Link to={`/plans/${plan.id}/reports/pcc/${stage}`}>{STAGE_LABEL[stage]}</Link>
                    </li>
                  ))}
                </ul>
              )}
              <h3>Outcomes</h3>
              <p>
                <Link to={`/plans/${plan.id}/reports/outcomes`}>Export outcomes as CSV</Link> — by period, priority, action, kind of outcome, area or officer.
              </p>
            </section>
          );
        }),
      )}
    </div>
  );
}
