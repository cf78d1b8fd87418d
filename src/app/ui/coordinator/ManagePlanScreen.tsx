import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PlanView } from '../../data/plan-queries';
import { usePlans } from '../../data/plan-hooks';
import { usePlanAdmin } from '../../data/plan-admin-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { Loading } from '../components/Loading';
import { Select } from '../components/Select';
import { formErrorsFrom } from '../form-errors';
import { actionLabel } from '../action-label';
import { CoordinatorNav } from './CoordinatorNav';
import { NotOnDevice } from './NotOnDevice';

/** A plan as its coordinator changes it: its title and period, and every action with a link to change it. */
export default function ManagePlanScreen() {
  const { planId = '' } = useParams();
  const plans = usePlans();
  if (!plans) return <Loading what="Loading the plan" />;
  const view = plans.find((p) => p.plan.id === planId);
  if (!view) {
    return <NotOnDevice title="Plan not found" back={{ to: '/plans', label: 'See your plans' }} />;
  }
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={view.plan.partnershipId} />
      <p className="caption">{view.partnership?.name}</p>
      <h1>{view.plan.title}</h1>
      <p>
        <Link to={`/plans/${planId}/import`}>Import or update from CSV</Link>
      </p>
      <PlanDetailsForm view={view} />
      {view.objectives.length === 0 && <p>This plan has no actions yet. Import them from CSV, or add them below once the plan has a priority.</p>}
      {view.objectives.map(({ objective, priorities }) => (
        <section key={objective.id} className="objective">
          <h2>{objective.title}</h2>
          {priorities.map(({ priority, actions }) => (
            <section key={priority.id} className="priority">
              <h3>{priority.name}</h3>
              <ul className="link-list">
                {actions.map((a) => (
                  <li key={a.id}>
                    <Link to={`/plans/${planId}/actions/${a.id}`}>{actionLabel(a, 90)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
      {view.objectives.some((o) => o.priorities.length > 0) && <NewActionForm view={view} />}
    </div>
  );
}

function PlanDetailsForm({ view }: { view: PlanView }) {
  const admin = usePlanAdmin();
  const [title, setTitle] = useState(view.plan.title);
  const [start, setStart] = useState(view.plan.periodStart);
  const [end, setEnd] = useState(view.plan.periodEnd);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  const inputs: Record<string, string> = { title: 'plan-title', periodStart: 'plan-start', periodEnd: 'plan-end' };

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await admin.updatePlan(view.plan.id, { title, periodStart: start, periodEnd: end });
      setErrors([]);
      setSaved(true);
    } catch (err) {
      setSaved(false);
      setErrors(formErrorsFrom(err, (p) => inputs[p], 'plan-title', 'The plan could not be changed. Try again.'));
    }
  }
  const err = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  return (
    <details className="panel">
      <summary>Change the title or period</summary>
      <ErrorSummary errors={errors} />
      {saved && (
        <p className="banner banner--success" role="status">
          Saved.
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="plan-title" label="Title" error={err('plan-title')}>
          <input
            className="input"
            id="plan-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-describedby={describedBy('plan-title', false, err('plan-title'))}
          />
        </Field>
        <div className="form-row">
          <Field id="plan-start" label="Starts" error={err('plan-start')}>
            <input className="input input--width-10" id="plan-start" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
          </Field>
          <Field id="plan-end" label="Ends" error={err('plan-end')}>
            <input className="input input--width-10" id="plan-end" type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
          </Field>
        </div>
        <button className="button" type="submit">
          Save
        </button>
      </form>
    </details>
  );
}

function NewActionForm({ view }: { view: PlanView }) {
  const admin = usePlanAdmin();
  const navigate = useNavigate();
  const priorities = view.objectives.flatMap((o) => o.priorities.map((p) => p.priority));
  const [priorityId, setPriorityId] = useState(priorities[0]?.id ?? '');
  const [ref, setRef] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const inputs: Record<string, string> = { priorityId: 'new-priority', ref: 'new-ref', text: 'new-text' };

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const id = await admin.addAction(view.plan.id, {
        priorityId,
        ref: ref.trim() || null,
        text,
        leadAgencies: [],
        dueOn: null,
        seeAlsoRefs: [],
        ownerIds: [],
      });
      void navigate(`/plans/${view.plan.id}/actions/${id}`);
    } catch (err) {
      setErrors(formErrorsFrom(err, (p) => inputs[p], 'new-text', 'The action could not be added. Try again.'));
    }
  }
  const err = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  return (
    <section className="panel" aria-labelledby="new-action">
      <h2 id="new-action">Add an action</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Select
          id="new-priority"
          label="Priority"
          error={err('new-priority')}
          value={priorityId}
          options={priorities.map((p) => ({ value: p.id, label: p.name }))}
          onChange={setPriorityId}
        />
        <Field id="new-ref" label="Ref (optional)" hint="The action’s number in the published plan." error={err('new-ref')}>
          <input
            className="input input--width-5"
            id="new-ref"
            value={ref}
            onChange={(e) => setRef(e.target.value)}
            aria-describedby={describedBy('new-ref', true, err('new-ref'))}
          />
        </Field>
        <Field id="new-text" label="What the partnership will do" error={err('new-text')}>
          <textarea
            className="textarea"
            id="new-text"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={describedBy('new-text', false, err('new-text'))}
          />
        </Field>
        <button className="button" type="submit">
          Add the action
        </button>
      </form>
    </section>
  );
}
