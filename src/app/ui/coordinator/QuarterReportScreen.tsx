import { useParams } from 'react-router';
import { dayLabel, quarterOf } from '../../../domain/period';
import { RAG_LABEL } from '../../../domain/progress/rag';
import { usePeriodProgress } from '../../data/progress-hooks';
import { reportCsv, reportFileName, reportLines } from '../../data/quarterly-report';
import type { PeriodProgress } from '../../data/period-progress';
import { Loading } from '../components/Loading';
import { saveFile } from '../save-file';
import { TableRegion } from '../components/TableRegion';
import { ReportTools } from './ReportTools';
import { NotOnDevice } from './NotOnDevice';
import { ProtectiveMarking } from './ProtectiveMarking';

/**
 * The quarterly progress report for the CSP meeting: one page per priority when printed (A4,
 * print CSS), and the same lines as CSV. A quarter with nothing logged says so.
 */
export default function QuarterReportScreen() {
  const { planId = '', quarterStart = '' } = useParams();
  const quarter = /^\d{4}-\d{2}-\d{2}$/.test(quarterStart) ? quarterOf(quarterStart) : null;
  const progress = usePeriodProgress(planId, quarter?.start === quarterStart ? quarter : null);
  if (progress === undefined) return <Loading what="Preparing the report" />;
  if (!progress || !quarter) {
    return <NotOnDevice title="Report not found" back={{ to: '/reports', label: 'Back to reports' }} />;
  }
  return (
    <div className="page page--wide report">
      <ReportTools
        partnershipId={progress.plan.partnershipId}
        onDownloadCsv={() => saveFile(reportFileName(progress), reportCsv(progress), 'text/csv;charset=utf-8')}
      />
      <Report progress={progress} />
    </div>
  );
}

function Report({ progress }: { progress: PeriodProgress }) {
  const { plan, partnership, period, signOff, outcomeCount, lateCount } = progress;
  const lines = reportLines(progress);
  const priorities = [...new Set(lines.map((l) => `${l.objective}\u0000${l.priority}`))];
  return (
    <article aria-labelledby="report-title" data-testid="quarter-report">
      <ProtectiveMarking details={partnership?.details} />
      <p className="caption">{partnership?.name}</p>
      <h1 id="report-title">Quarterly progress report: {period.label}</h1>
      <p>
        {plan.title}.{' '}
        {signOff ? `Signed off by ${signOff.signedOffByName} on ${dayLabel(signOff.signedOffAt.slice(0, 10))}.` : 'Not signed off: figures may still change.'}
      </p>
      {outcomeCount === 0 ? (
        <>
          <p className="report__notice" data-testid="report-empty">
            Nothing was logged against this plan in {period.label}, so there are no figures to report.
          </p>
          <Commentary lines={lines} />
        </>
      ) : (
        <p>
          {outcomeCount} {outcomeCount === 1 ? 'outcome' : 'outcomes'} logged in the quarter
          {lateCount > 0 ? `, of which ${lateCount} arrived after the quarter was signed off (late)` : ''}.
        </p>
      )}
      {outcomeCount > 0 &&
        priorities.map((key) => {
          const [objective, priority] = key.split('\u0000');
          const ofPriority = lines.filter((l) => `${l.objective}\u0000${l.priority}` === key);
          return (
            <section key={key} className="report__priority">
              <h2>{priority}</h2>
              <p className="caption">{objective}</p>
              <TableRegion label={`${priority} actions`}>
                <table className="progress-table report__table">
                  <thead>
                    <tr>
                      <th scope="col">Ref</th>
                      <th scope="col">Action and measures</th>
                      <th scope="col">This quarter</th>
                      <th scope="col">To date / target</th>
                      <th scope="col">RAG</th>
                      <th scope="col">Commentary and remedial action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {groupByAction(ofPriority).map((group) =>
                      group.map((l, i) => (
                        <tr key={`${l.ref}-${l.action}-${l.measure}`}>
                          {i === 0 && (
                            <th scope="row" rowSpan={group.length}>
                              {l.ref}
                            </th>
                          )}
                          <td>
                            {i === 0 && <strong className="report__action">{l.action}</strong>}
                            {l.measure}
                          </td>
                          <td>{l.inQuarter || '—'}</td>
                          <td>
                            {l.toDate === null
                              ? '—'
                              : `${l.toDate.toLocaleString('en-GB')}${l.target !== null ? ` / ${l.target.toLocaleString('en-GB')}` : ''}`}
                          </td>
                          {i === 0 && (
                            <>
                              <td rowSpan={group.length}>
                                {l.rag ? `${RAG_LABEL[l.rag as keyof typeof RAG_LABEL]}${l.ragSetBy === 'suggested' ? ' (suggested)' : ''}` : '—'}
                                {l.late > 0 && <span className="progress-table__who">{l.late} late</span>}
                              </td>
                              <td rowSpan={group.length}>
                                {l.commentary}
                                {l.remedialAction && <span className="progress-table__who">Remedial action: {l.remedialAction}</span>}
                              </td>
                            </>
                          )}
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </TableRegion>
            </section>
          );
        })}
      <ProtectiveMarking details={partnership?.details} />
    </article>
  );
}

/** With no figures, what the coordinator said about each action is still the report. */
function Commentary({ lines }: { lines: ReturnType<typeof reportLines> }) {
  const said = groupByAction(lines)
    .map((g) => g[0]!)
    .filter((l) => l.commentary || l.remedialAction);
  if (said.length === 0) return null;
  return (
    <section>
      <h2>Commentary</h2>
      <dl className="summary-list">
        {said.map((l) => (
          <div key={`${l.ref}-${l.action}`}>
            <dt>{l.ref ? `Ref ${l.ref}` : l.action.slice(0, 40)}</dt>
            <dd>
              {l.commentary}
              {l.remedialAction && <span className="progress-table__who">Remedial action: {l.remedialAction}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function groupByAction<T extends { ref: string; action: string }>(lines: T[]): T[][] {
  const groups: T[][] = [];
  for (const l of lines) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.ref === l.ref && last[0]!.action === l.action) last.push(l);
    else groups.push([l]);
  }
  return groups;
}
