import { useState } from 'react';
import { useParams } from 'react-router';
import { OUTCOME_TYPES, type OutcomeTypeId } from '../../../domain/outcome-types/catalogue';
import { usePlans } from '../../data/plan-hooks';
import { useOutcomeExport } from '../../data/progress-hooks';
import { exportCsv, type OutcomeFilters } from '../../data/outcomes-export';
import type { PlanView } from '../../data/plan-queries';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { saveFile } from '../save-file';
import { CoordinatorNav } from './CoordinatorNav';
import { NotOnDevice } from './NotOnDevice';

/** The outcomes export: choose what to include, see how many match, download a CSV that opens cleanly in Excel. */
export default function OutcomesExportScreen() {
  const { planId = '' } = useParams();
  const plans = usePlans();
  const view = plans?.find((p) => p.plan.id === planId);
  if (!plans) return <Loading what="Loading the plan" />;
  if (!view) {
    return <NotOnDevice title="Plan not found" back={{ to: '/reports', label: 'Back to reports' }} />;
  }
  return <ExportForm view={view} />;
}

function ExportForm({ view }: { view: PlanView }) {
  const { plan } = view;
  const [filters, setFilters] = useState<OutcomeFilters>({
    planId: plan.id,
    from: plan.periodStart,
    to: plan.periodEnd,
    priorityId: null,
    actionId: null,
    type: null,
    town: null,
    authorId: null,
    includeNotes: false,
  });
  const result = useOutcomeExport(filters);
  const set = (patch: Partial<OutcomeFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const priorities = view.objectives.flatMap((o) => o.priorities);
  const actions = priorities.flatMap((p) => p.actions).filter((a) => filters.priorityId === null || a.priorityId === filters.priorityId);
  const fileName = `outcomes-${plan.title}-${filters.from}-to-${filters.to}`.replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase() + '.csv';
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={plan.partnershipId} />
      <p className="caption">{plan.title}</p>
      <h1>Export outcomes</h1>
      <div className="form-row">
        <Field id="export-from" label="From">
          <input
            className="input input--width-10"
            id="export-from"
            type="date"
            value={filters.from}
            onChange={(e) => e.target.value && set({ from: e.target.value })}
          />
        </Field>
        <Field id="export-to" label="To">
          <input
            className="input input--width-10"
            id="export-to"
            type="date"
            value={filters.to}
            onChange={(e) => e.target.value && set({ to: e.target.value })}
          />
        </Field>
      </div>
      <div className="form-row">
        <Field id="export-priority" label="Priority">
          <select
            className="select"
            id="export-priority"
            value={filters.priorityId ?? ''}
            onChange={(e) => set({ priorityId: e.target.value || null, actionId: null })}
          >
            <option value="">All priorities</option>
            {priorities.map((p) => (
              <option key={p.priority.id} value={p.priority.id}>
                {p.priority.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-action" label="Action">
          <select className="select" id="export-action" value={filters.actionId ?? ''} onChange={(e) => set({ actionId: e.target.value || null })}>
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.ref ? `Ref ${a.ref}: ` : ''}
                {a.text.length > 60 ? `${a.text.slice(0, 59)}…` : a.text}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field id="export-type" label="Kind of outcome">
          <select
            className="select"
            id="export-type"
            value={filters.type ?? ''}
            onChange={(e) => set({ type: (e.target.value || null) as OutcomeTypeId | null })}
          >
            <option value="">All kinds</option>
            {OUTCOME_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-town" label="Town">
          <select className="select" id="export-town" value={filters.town ?? ''} onChange={(e) => set({ town: e.target.value || null })}>
            <option value="">All towns</option>
            {result?.towns.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-officer" label="Logged by">
          <select className="select" id="export-officer" value={filters.authorId ?? ''} onChange={(e) => set({ authorId: e.target.value || null })}>
            <option value="">Everyone</option>
            {result?.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-group">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.includeNotes}
            onChange={(e) => set({ includeNotes: e.target.checked })}
            aria-describedby="export-notes-hint"
          />
          <span>Include officers’ notes</span>
        </label>
        <p className="hint" id="export-notes-hint">
          Notes are free text and may mention people. Leave them out of anything shared beyond the partnership.
        </p>
      </div>
      {result === undefined ? (
        <Loading what="Counting" />
      ) : result === null || result.count === 0 ? (
        <p className="report__notice" data-testid="export-empty">
          No outcomes match these choices, so there is nothing to export. Widen the dates or clear a filter.
        </p>
      ) : (
        <p>
          <span data-testid="export-count">
            {result.count} {result.count === 1 ? 'outcome matches' : 'outcomes match'}.
          </span>{' '}
          <button type="button" className="button" onClick={() => saveFile(fileName, exportCsv(result), 'text/csv;charset=utf-8')}>
            Download CSV
          </button>
        </p>
      )}
    </div>
  );
}
