import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeTally } from '../../../domain/tally/describe';
import { checkActionInPlan } from '../../../domain/plan-admin/check-action';
import type { ActionEditRequest } from '../../../domain/plan-admin/requests';
import { useActionToEdit, usePlanAdmin } from '../../data/plan-admin-hooks';
import type { ActionToEdit } from '../../data/plan-admin-queries';
import { useMembers } from '../../data/admin-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { Loading } from '../components/Loading';
import { Select } from '../components/Select';
import { ConfirmButton } from '../components/ConfirmButton';
import { describeError } from '../describe-error';
import { formErrorsFrom } from '../form-errors';
import { actionLabel } from '../action-label';
import { CoordinatorNav } from './CoordinatorNav';
import { NotOnDevice } from './NotOnDevice';

const INPUT: Record<string, string> = {
  priorityId: 'priority',
  ref: 'ref',
  text: 'text',
  leadAgencies: 'lead',
  dueOn: 'due',
  seeAlsoRefs: 'see-also',
  ownerIds: 'owners',
};
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const refs = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * One action as its coordinator changes it: wording, number, priority, lead agencies, due date,
 * owners, cross-references; its measures; and, when it duplicates another, a merge. A new number
 * or a merge never loses an outcome: they are logged against the action, not its number.
 */
export default function EditActionScreen() {
  const { actionId = '', planId = '' } = useParams();
  const data = useActionToEdit(actionId);
  if (data === undefined) return <Loading what="Loading the action" />;
  if (data === null) {
    return (
      <NotOnDevice
        title="Action not found"
        why="It may have been merged into another action or taken out of the plan."
        back={{ to: `/plans/${planId}`, label: 'Back to the plan' }}
      />
    );
  }
  // Keyed by the action's content: a sync that changes it resets the form to what the server holds.
  return <EditAction key={JSON.stringify(data.action)} data={data} />;
}

function EditAction({ data }: { data: ActionToEdit }) {
  const { action, plan, priorities, others, measures } = data;
  const admin = usePlanAdmin();
  const { members, error: membersError } = useMembers(plan.partnershipId);
  const [form, setForm] = useState({
    ref: action.ref ?? '',
    text: action.text,
    priorityId: action.priorityId,
    lead: action.leadAgencies.join('\n'),
    due: action.dueOn ?? '',
    seeAlso: action.seeAlsoRefs.join(', '),
    owners: action.ownerIds,
  });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<typeof form>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const req: ActionEditRequest = {
      ref: form.ref.trim() || null,
      text: form.text,
      priorityId: form.priorityId,
      leadAgencies: lines(form.lead),
      dueOn: form.due || null,
      seeAlsoRefs: refs(form.seeAlso),
      ownerIds: form.owners,
    };
    // The same checks the server makes, said before sending.
    const local = checkActionInPlan({ ...action, ...req, ownerIds: [] }, { priorities, actions: others }, new Set());
    if (local.length > 0) return setErrors(local.map((p) => ({ fieldId: INPUT[p.field] ?? 'text', message: p.message })));
    try {
      await admin.editAction(action.id, req);
      setErrors([]);
      setSaved(true);
    } catch (err) {
      setErrors(formErrorsFrom(err, (p) => INPUT[p], 'text', 'The action could not be saved. Try again.'));
    }
  }

  const err = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={plan.partnershipId} />
      <p className="caption">
        <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
      </p>
      <h1>{action.ref ? `Ref ${action.ref}` : 'Action'}</h1>
      <ErrorSummary errors={errors} />
      {saved && (
        <p className="banner banner--success" role="status">
          Saved. Officers’ phones get the change when they next sync.
        </p>
      )}
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="form-row">
          <Field id="ref" label="Ref" hint="Renumbering keeps every outcome with the action." error={err('ref')}>
            <input
              className="input input--width-5"
              id="ref"
              value={form.ref}
              onChange={(e) => set({ ref: e.target.value })}
              aria-describedby={describedBy('ref', true, err('ref'))}
            />
          </Field>
          <Field id="due" label="Due (optional)" error={err('due')}>
            <input className="input input--width-10" id="due" type="date" value={form.due} onChange={(e) => set({ due: e.target.value })} />
          </Field>
        </div>
        <Select
          id="priority"
          label="Priority"
          error={err('priority')}
          value={form.priorityId}
          options={priorities.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(priorityId) => set({ priorityId })}
        />
        <Field id="text" label="What the partnership will do" error={err('text')}>
          <textarea
            className="textarea"
            id="text"
            rows={4}
            value={form.text}
            onChange={(e) => set({ text: e.target.value })}
            aria-describedby={describedBy('text', false, err('text'))}
          />
        </Field>
        <Field id="lead" label="Lead agencies" hint="One per line." error={err('lead')}>
          <textarea
            className="textarea"
            id="lead"
            rows={3}
            value={form.lead}
            onChange={(e) => set({ lead: e.target.value })}
            aria-describedby={describedBy('lead', true, err('lead'))}
          />
        </Field>
        <Field id="see-also" label="See also (refs)" hint="Other actions this one is cross-referenced with, such as 3, 7." error={err('see-also')}>
          <input
            className="input input--width-10"
            id="see-also"
            value={form.seeAlso}
            onChange={(e) => set({ seeAlso: e.target.value })}
            aria-describedby={describedBy('see-also', true, err('see-also'))}
          />
        </Field>
        <fieldset className="fieldset form-group" aria-describedby="owners-hint">
          <legend className="label" id="owners">
            Who delivers it
          </legend>
          <div className="hint" id="owners-hint">
            Their phones list it under “My actions”.
          </div>
          {members === undefined ? (
            <p className="muted">
              {membersError ? `${describeError(membersError, 'The team could not be loaded.')} Owners stay as they are until it can.` : 'Loading the team…'}
            </p>
          ) : (
            <div className="checkboxes">
              {members
                .filter((m) => m.active || form.owners.includes(m.id))
                .map((m) => (
                  <label key={m.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={form.owners.includes(m.id)}
                      onChange={(e) => set({ owners: e.target.checked ? [...form.owners, m.id] : form.owners.filter((id) => id !== m.id) })}
                    />
                    <span>
                      {m.name} <span className="muted">· {m.jobTitle}</span>
                    </span>
                  </label>
                ))}
            </div>
          )}
        </fieldset>
        <button className="button" type="submit">
          Save the action
        </button>
      </form>

      <section aria-labelledby="measures">
        <h2 id="measures">Measures</h2>
        {measures.length === 0 && <p>No measures: officers cannot log outcomes against this action until it has one.</p>}
        <ul className="measures">
          {measures.map((m) => (
            <li key={m.id} className="measure">
              <p className="measure__text">{m.text}</p>
              <p className="muted">{describeTally(m.tally)}</p>
              <Link to={`/plans/${plan.id}/measures/${m.id}`}>Change how it is counted</Link>
            </li>
          ))}
        </ul>
        <Link className="button button--secondary" to={`/plans/${plan.id}/actions/${action.id}/measures/new`}>
          Add a measure
        </Link>
      </section>

      <MergeOrRemove data={data} />
    </div>
  );
}

function MergeOrRemove({ data }: { data: ActionToEdit }) {
  const { action, plan, others, outcomeCount } = data;
  const admin = usePlanAdmin();
  const navigate = useNavigate();
  const [into, setInto] = useState(others[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const target = others.find((o) => o.id === into);
  const run = async (fn: () => Promise<unknown>, after: string) => {
    try {
      await fn();
      void navigate(after);
    } catch (err) {
      setError(describeError(err, 'That could not be done. Try again.'));
    }
  };
  return (
    <section className="panel" aria-labelledby="merge">
      <h2 id="merge">Merge or remove</h2>
      {error && <p className="error-message">{error}</p>}
      {others.length > 0 && (
        <>
          <Select
            id="merge-into"
            label="Merge into"
            hint={`Its measures and ${outcomeCount} logged ${outcomeCount === 1 ? 'outcome move' : 'outcomes move'} there, and this action leaves the plan. Officers are told.`}
            value={into}
            options={others.map((o) => ({ value: o.id, label: actionLabel(o, 70) }))}
            onChange={setInto}
          />
          {target && (
            <ConfirmButton
              label="Merge…"
              confirmLabel={`Merge into ${target.ref ? `ref ${target.ref}` : 'that action'} now`}
              cancelLabel="Cancel"
              onConfirm={() => run(() => admin.mergeAction(action.id, target.id), `/plans/${plan.id}/actions/${target.id}`)}
            />
          )}
        </>
      )}
      <p>
        {outcomeCount > 0 ? (
          <span className="muted">This action cannot be removed: outcomes are logged against it. Merge it instead.</span>
        ) : (
          <ConfirmButton
            label="Remove from the plan…"
            confirmLabel="Remove it now"
            cancelLabel="Cancel"
            onConfirm={() => run(() => admin.removeAction(action.id), `/plans/${plan.id}`)}
          />
        )}
      </p>
    </section>
  );
}
