import { useState } from 'react';
import { useParams } from 'react-router';
import { OUTCOME_TYPES, type OutcomeTypeId } from '../../../domain/outcome-types/catalogue';
import { usePlans } from '../../data/plan-hooks';
import { useOutcomeExport } from '../../data/progress-hooks';
import { exportCsv, type OutcomeFilters } from '../../data/outcomes-export';
import type { PlanView } from '../../data/plan-queries';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { Select } from '../components/Select';
import { actionLabel } from '../action-label';
import { saveFile } from '../save-file';
import { CoordinatorNav } from './CoordinatorNav';
import { NotOnDevice } from './NotOnDevice';
import { coordinatesPartnership } from '../../../domain/outcome-access';
import { useCurrentUser } from '../../session/use-current-user';

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
  // A viewer's phone holds no notes (decision 42): nothing to include.
  const notes = coordinatesPartnership(useCurrentUser(), plan.partnershipId);
  const priorities = view.objectives.flatMap((o) => o.priorities);
  const actions = priorities.flatMap((p) => p.actions).filter((a) => filters.priorityId === null || a.priorityId === filters.priorityId);
  const fileName = `outcomes-${plan.title}-${filters.from}-to-${filters.to}`.replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase() + '.csv';
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={plan.partnershipId} />
      <p className="caption">{plan.title}</p>
      <h1>Export outcomes</h1>
      <div className="form-row">
        <DateFilter id="export-from" label="From" value={filters.from} onChange={(from) => set({ from })} />
        <DateFilter id="export-to" label="To" value={filters.to} onChange={(to) => set({ to })} />
      </div>
      <div className="form-row">
        <Select
          id="export-priority"
          label="Priority"
          placeholder="All priorities"
          value={filters.priorityId ?? ''}
          options={priorities.map((p) => ({ value: p.priority.id, label: p.priority.name }))}
          onChange={(v) => set({ priorityId: v || null, actionId: null })}
        />
        <Select
          id="export-action"
          label="Action"
          placeholder="All actions"
          value={filters.actionId ?? ''}
          options={actions.map((a) => ({ value: a.id, label: actionLabel(a, 60) }))}
          onChange={(v) => set({ actionId: v || null })}
        />
      </div>
      <div className="form-row">
        <Select
          id="export-type"
          label="Kind of outcome"
          placeholder="All kinds"
          value={filters.type ?? ''}
          options={OUTCOME_TYPES.map((t) => ({ value: t.id, label: t.label }))}
          onChange={(v) => set({ type: (v || null) as OutcomeTypeId | null })}
        />
        <Select
          id="export-town"
          label="Area"
          placeholder="All areas"
          value={filters.town ?? ''}
          options={(result?.towns ?? []).map((t) => ({ value: t, label: t }))}
          onChange={(v) => set({ town: v || null })}
        />
        <Select
          id="export-officer"
          label="Logged by"
          placeholder="Everyone"
          value={filters.authorId ?? ''}
          options={(result?.officers ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v) => set({ authorId: v || null })}
        />
      </div>
      {notes && (
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
      )}
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

/** A date the export starts or ends on; clearing the box keeps the date it had (the export needs both ends). */
function DateFilter({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (date: string) => void }) {
  return (
    <Field id={id} label={label}>
      <input className="input input--width-10" id={id} type="date" value={value} onChange={(e) => e.target.value && onChange(e.target.value)} />
    </Field>
  );
}
