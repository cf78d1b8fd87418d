import type { PlanImportResponse, PlanImportSummary } from '../../../domain/plan-admin/requests';
import { TableRegion } from '../components/TableRegion';

const SHOWN_CHANGES = 60;

/** What a plan import found and would do (or did): problems first, then what was adjusted, then the changes. */
export function ImportReport({ report }: { report: PlanImportResponse }) {
  const { problems, notes, summary, changes, committed } = report;
  return (
    <section aria-labelledby="import-report" data-testid="import-report">
      <h2 id="import-report">{problems.length > 0 ? 'The files have problems' : committed ? 'Imported' : 'Ready to import'}</h2>
      {problems.length > 0 ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>
              {problems.length} {problems.length === 1 ? 'problem' : 'problems'}. Nothing has been saved.
            </strong>{' '}
            Correct the file and choose it again.
          </p>
          <LineTable label="Problems in the files" rows={problems} />
        </div>
      ) : (
        <div className={`banner ${committed ? 'banner--success' : ''}`} role="status">
          <p>{describeSummary(summary, committed)}</p>
        </div>
      )}
      {notes.length > 0 && (
        <>
          <h3>Accepted, with these adjustments</h3>
          <LineTable label="Adjustments made while reading the files" rows={notes} />
        </>
      )}
      {changes.length > 0 && (
        <>
          <h3>{committed ? 'What changed' : 'What will change'}</h3>
          <ul className="link-list">
            {changes.slice(0, SHOWN_CHANGES).map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          {changes.length > SHOWN_CHANGES && <p className="muted">…and {changes.length - SHOWN_CHANGES} more.</p>}
        </>
      )}
    </section>
  );
}

function LineTable({ label, rows }: { label: string; rows: PlanImportResponse['problems'] }) {
  return (
    <TableRegion label={label}>
      <table className="progress-table problem-table">
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Column</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                {r.file === 'actions' ? 'Actions' : 'Indicators'}, line {r.line}
              </td>
              <td>{r.column ?? '—'}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** "28 actions and 65 measures to add." / "Nothing to change: the plan already matches these files." */
export function describeSummary(s: PlanImportSummary, committed: boolean): string {
  const parts = (['actions', 'measures', 'priorities', 'objectives', 'indicators'] as const)
    .map((t) => ({ t, added: s[t].added, changed: s[t].changed }))
    .filter((x) => x.added + x.changed > 0);
  if (parts.length === 0) return 'Nothing to change: the plan already matches these files.';
  const list = (key: 'added' | 'changed') =>
    parts
      .filter((p) => p[key] > 0)
      .map((p) => `${p[key]} ${p[key] === 1 ? p.t.replace(/ies$/, 'y').replace(/s$/, '') : p.t}`)
      .join(', ');
  const added = list('added');
  const changed = list('changed');
  const n = s.actions.notInFile;
  const kept = n > 0 ? ` ${n} ${n === 1 ? 'action' : 'actions'} not in the file ${committed ? (n === 1 ? 'was' : 'were') : 'will be'} kept.` : '';
  return `${[added && `${added} ${committed ? 'added' : 'to add'}`, changed && `${changed} ${committed ? 'changed' : 'to change'}`].filter(Boolean).join('; ')}.${kept}`;
}
