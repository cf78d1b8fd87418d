import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { financialYearOf } from '../../../domain/period';
import { localIsoDate } from '../../../domain/primitives';
import { useManagedPlans, usePlanAdmin } from '../../data/plan-admin-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { Loading } from '../components/Loading';
import { formatDate } from '../format-date';
import { formErrorsFrom } from '../form-errors';
import { CoordinatorNav } from './CoordinatorNav';
import { hasCoordinatorRights } from '../../../domain/roles';

/** The plans of each partnership the coordinator runs: open one to change it, import its actions, or start a new one. */
export default function PlansScreen() {
  // Not those the user only views (decision 42): they read the plan on the Plan screen.
  const partnerships = useManagedPlans()?.filter((p) => hasCoordinatorRights(p.role));
  if (!partnerships) return <Loading what="Loading the plans" />;
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={partnerships[0]?.partnershipId} />
      <h1>Plans</h1>
      {partnerships.map((p) => (
        <section key={p.partnershipId} aria-labelledby={`partnership-${p.partnershipId}`}>
          <h2 id={`partnership-${p.partnershipId}`}>{p.partnershipName}</h2>
          {p.plans.length === 0 ? (
            <p>No plans yet.</p>
          ) : (
            <ul className="action-list">
              {p.plans.map(({ plan, objectives }) => {
                const actions = objectives.reduce((n, o) => n + o.priorities.reduce((m, pr) => m + pr.actions.length, 0), 0);
                return (
                  <li key={plan.id}>
                    <div className="action-card">
                      <div className="action-card__meta">
                        {formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)} · {actions} {actions === 1 ? 'action' : 'actions'}
                      </div>
                      <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
                      {' · '}
                      <Link to={`/plans/${plan.id}/import`}>Import from CSV</Link>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <NewPlanForm partnershipId={p.partnershipId} partnershipName={p.partnershipName} />
        </section>
      ))}
    </div>
  );
}

const INPUT_FOR: Record<string, string> = { title: 'title', periodStart: 'period-start', periodEnd: 'period-end' };

function NewPlanForm({ partnershipId, partnershipName }: { partnershipId: string; partnershipName: string }) {
  const admin = usePlanAdmin();
  // Suggested: the financial year we are in, as most partnerships write their plan in its first weeks.
  const thisYear = financialYearOf(localIsoDate(new Date()));
  const [title, setTitle] = useState(`Rolling annual plan ${thisYear.label.replace('/', '-')}`);
  const [start, setStart] = useState(thisYear.start);
  const [end, setEnd] = useState(thisYear.end);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  const id = (name: string) => `${name}-${partnershipId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const plan = await admin.createPlan(partnershipId, { title, periodStart: start, periodEnd: end });
      setErrors([]);
      setCreated({ id: plan.id, title: plan.title });
    } catch (err) {
      setErrors(formErrorsFrom(err, (path) => INPUT_FOR[path] && id(INPUT_FOR[path]), id('title'), 'The plan could not be created. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  const err = (name: string) => errors.find((e) => e.fieldId === id(name))?.message;
  return (
    <details className="panel">
      <summary>Start a new plan for {partnershipName}</summary>
      {created && (
        <div className="banner banner--success" role="status">
          <p>
            “{created.title}” is ready. <Link to={`/plans/${created.id}/import`}>Import its actions from CSV</Link> or{' '}
            <Link to={`/plans/${created.id}`}>add them one by one</Link>.
          </p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id={id('title')} label="Title" error={err('title')}>
          <input
            className="input"
            id={id('title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-describedby={describedBy(id('title'), false, err('title'))}
          />
        </Field>
        <div className="form-row">
          <Field id={id('period-start')} label="Starts" error={err('period-start')}>
            <input
              className="input input--width-10"
              id={id('period-start')}
              type="date"
              value={start}
              onChange={(e) => setStart(e.target.value)}
              aria-describedby={describedBy(id('period-start'), false, err('period-start'))}
            />
          </Field>
          <Field id={id('period-end')} label="Ends" error={err('period-end')}>
            <input
              className="input input--width-10"
              id={id('period-end')}
              type="date"
              value={end}
              onChange={(e) => setEnd(e.target.value)}
              aria-describedby={describedBy(id('period-end'), false, err('period-end'))}
            />
          </Field>
        </div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create the plan'}
        </button>
      </form>
    </details>
  );
}
