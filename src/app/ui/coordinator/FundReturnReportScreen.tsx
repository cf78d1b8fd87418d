import { Link, useParams } from 'react-router';
import { RETURN_STAGES, shareOfGrant, type ReturnStage } from '../../../domain/fund-return';
import { formatPence } from '../../../domain/outcome-types/format';
import { dayLabel } from '../../../domain/period';
import { usePlans } from '../../data/plan-hooks';
import { useFundReturn } from '../../data/fund-return-hooks';
import { usePeriodProgress } from '../../data/progress-hooks';
import { returnCsv, returnLines, returnPeriod, STAGE_LABEL } from '../../data/fund-return-report';
import { Loading } from '../components/Loading';
import { saveFile } from '../save-file';
import { CoordinatorNav } from './CoordinatorNav';
import { TableRegion } from '../components/TableRegion';
import { ReportTools } from './ReportTools';
import { NotOnDevice } from './NotOnDevice';
import { ProtectiveMarking } from './ProtectiveMarking';

/** The PCC's reporting template, filled in: print it (A4) to sign, or download it as CSV. */
export default function FundReturnReportScreen() {
  const { planId = '', stage: stageParam = '' } = useParams();
  const stage = (RETURN_STAGES as readonly string[]).includes(stageParam) ? (stageParam as ReturnStage) : null;
  const plans = usePlans();
  const fund = useFundReturn(planId);
  const view = plans?.find((p) => p.plan.id === planId);
  const period = view && stage ? returnPeriod(view.plan, stage) : null;
  const progress = usePeriodProgress(view?.plan.id, period);
  if (!plans || fund === undefined || progress === undefined) return <Loading what="Preparing the return" />;
  if (!view || !stage || !period) {
    return <NotOnDevice title="Return not found" back={{ to: '/reports', label: 'Back to reports' }} />;
  }
  const { plan } = view;
  if (!fund || fund.lines.length === 0) {
    return (
      <div className="page">
        <CoordinatorNav partnershipId={plan.partnershipId} />
        <h1>{STAGE_LABEL[stage]}</h1>
        <p className="report__notice" data-testid="return-empty">
          The return has no expenditure lines yet, so there is nothing to report.{' '}
          <Link to={`/plans/${plan.id}/reports/pcc`}>Add the spending plan’s lines</Link>.
        </p>
      </div>
    );
  }
  const lines = returnLines(fund, stage, progress);
  const total = fund.lines.reduce((n, l) => n + l.costPence, 0);
  const totalShare = shareOfGrant(total, fund.grantPence);
  return (
    <div className="page page--wide report">
      <ReportTools
        partnershipId={plan.partnershipId}
        onDownloadCsv={() => saveFile(`pcc-return-${stage}-${plan.periodStart}.csv`, returnCsv(fund, stage, progress, plan), 'text/csv;charset=utf-8')}
      >
        <Link to={`/plans/${plan.id}/reports/pcc`}>Change the return</Link>
      </ReportTools>
      <article data-testid="pcc-return">
        <ProtectiveMarking details={progress?.partnership?.details} />
        <p className="caption">PCC Community Safety Fund</p>
        <h1>{STAGE_LABEL[stage]}</h1>
        <dl className="summary-list report__meta">
          <div>
            <dt>Local authority area</dt>
            <dd>{fund.localAuthorityArea || '—'}</dd>
          </div>
          <div>
            <dt>Funding period</dt>
            <dd>
              {plan.title}: {dayLabel(plan.periodStart)} to {dayLabel(plan.periodEnd)}
              {stage === 'mid' && ` (this return: to ${dayLabel(period.end)})`}
            </dd>
          </div>
          <div>
            <dt>CSF grant allocation</dt>
            <dd>{fund.grantPence === null ? '—' : formatPence(fund.grantPence)}</dd>
          </div>
        </dl>
        <TableRegion label="Expenditure lines">
          <table className="progress-table report__table">
            <thead>
              <tr>
                <th scope="col">Expenditure title</th>
                <th scope="col">{stage === 'start' ? 'Objectives' : 'Progress and outcomes'}</th>
                <th scope="col" className="num">
                  Cost to CSF
                </th>
                <th scope="col" className="num">
                  % of CSF grant
                </th>
                <th scope="col">Other funding sources and amounts</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.title}>
                  <th scope="row">{l.title}</th>
                  <td>
                    {l.text || <span className="muted">—</span>}
                    {l.outputs.length > 0 && (
                      <ul className="report__outputs">
                        {l.outputs.map((o) => (
                          <li key={o}>{o}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="num">{l.cost}</td>
                  <td className="num">{l.share}</td>
                  <td>{l.otherFunding}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Total</th>
                <td />
                <td className="num">{formatPence(total)}</td>
                <td className="num">{totalShare === null ? '' : `${totalShare}%`}</td>
                <td />
              </tr>
            </tbody>
          </table>
        </TableRegion>
        <div className="report__signatures">
          <p>Council contact for the grant: {fund.councilContact || '………………'} · Signature: ……………… · Date: ………</p>
          <p>Police area commander: {fund.policeLead || '………………'} · Signature: ……………… · Date: ………</p>
        </div>
        <ProtectiveMarking details={progress?.partnership?.details} />
      </article>
    </div>
  );
}
