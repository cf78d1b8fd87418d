import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { localIsoDate } from '../../../domain/primitives';
import { NOTES_MAX, type FieldProblem } from '../../../domain/outcome';
import type { Measure } from '../../../domain/plan';
import { useActionDetail } from '../../data/plan-hooks';
import { useLogOutcome } from '../../data/outcome-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { Radios } from '../components/Radios';
import { Loading } from '../components/Loading';
import { describeError } from '../describe-error';

const NO_TOWN = '__none__';

/** Which input each validation field maps to, so the error summary links to the right place. */
const FIELD_INPUT: Record<string, string> = { measureId: 'measure', quantity: 'quantity', occurredOn: 'date', town: 'town', notes: 'notes' };

/**
 * Log an outcome against an action, one short form: which measure, how many (when the measure
 * counts something), when, where, notes. Saved to the phone the moment "Save" is tapped; the same
 * rules as the server are checked first, so what is saved will not bounce back later.
 */
export function LogOutcomeScreen() {
  const { actionId = '' } = useParams();
  const detail = useActionDetail(actionId);
  if (detail === undefined) return <Loading />;
  if (detail === null) {
    return (
      <div className="page">
        <h1>Action not found</h1>
        <p>
          This action is not on this phone. <Link to="/log">Choose another action</Link>.
        </p>
      </div>
    );
  }
  return <OutcomeForm actionId={actionId} actionRef={detail.action.ref} actionText={detail.action.text} measures={detail.measures.map((m) => m.measure)} towns={detail.partnership?.towns ?? []} />;
}

function OutcomeForm({ actionId, actionRef, actionText, measures, towns }: { actionId: string; actionRef: string | null; actionText: string; measures: Measure[]; towns: string[] }) {
  const navigate = useNavigate();
  const { save } = useLogOutcome();
  const today = localIsoDate(new Date());
  const [measureId, setMeasureId] = useState(measures.length === 1 ? measures[0]!.id : '');
  const [quantity, setQuantity] = useState('');
  const [occurredOn, setOccurredOn] = useState(today);
  const [town, setTown] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saving, setSaving] = useState(false);
  const measure = measures.find((m) => m.id === measureId);
  const counts = measure?.tally.kind === 'sum';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldProblem[] = [];
    if (!measureId) problems.push({ field: 'measureId', message: 'Choose what this outcome counts towards' });
    if (counts && !/^\d+$/.test(quantity.trim())) problems.push({ field: 'quantity', message: quantity.trim() ? 'Enter a whole number, like 12' : `Enter how many ${measure?.tally.kind === 'sum' ? measure.tally.unit : ''}` });
    if (!occurredOn) problems.push({ field: 'occurredOn', message: 'Enter the date it happened' });
    if (!town) problems.push({ field: 'town', message: 'Choose the town, or say it is not about one town' });
    if (problems.length > 0) return setErrors(toFormErrors(problems));
    setSaving(true);
    try {
      // Awaited: "saved" is said only once the outcome and its outbox entry are committed.
      await save({
        actionId,
        measureId,
        quantity: counts ? Number(quantity.trim()) : null,
        occurredOn,
        town: town === NO_TOWN ? null : town,
        notes: notes.trim(),
      });
      void navigate(`/actions/${actionId}`, { replace: true, state: { saved: true } });
    } catch (err) {
      const fieldProblems = (err as { problems?: FieldProblem[] }).problems;
      setErrors(fieldProblems ? toFormErrors(fieldProblems) : [{ fieldId: 'measure', message: describeError(err, 'The outcome could not be saved on this phone. Try again.') }]);
      setSaving(false);
    }
  }

  const err = (field: string) => errors.find((e) => e.fieldId === FIELD_INPUT[field])?.message;
  return (
    <div className="page">
      <p className="caption">{actionRef ? `Ref ${actionRef}` : 'Action'}</p>
      <h1>Log an outcome</h1>
      <p className="muted clamp-3">{actionText}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Radios
          name="measure"
          legend="What does it count towards?"
          error={err('measureId')}
          value={measureId}
          onChange={setMeasureId}
          options={measures.map((m) => ({ value: m.id, label: m.text }))}
        />
        {counts && measure?.tally.kind === 'sum' && (
          <Field id="quantity" label="How many?" hint={`Number of ${measure.tally.unit}`} error={err('quantity')}>
            <input
              className="input input--width-5"
              id="quantity"
              name="quantity"
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
              aria-describedby={describedBy('quantity', true, err('quantity'))}
            />
          </Field>
        )}
        <Field id="date" label="When did it happen?" error={err('occurredOn')}>
          <input
            className="input input--width-10"
            id="date"
            name="date"
            type="date"
            max={today}
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.target.value)}
            aria-describedby={describedBy('date', false, err('occurredOn'))}
          />
        </Field>
        <Radios
          name="town"
          legend="Where?"
          error={err('town')}
          value={town}
          onChange={setTown}
          options={[...towns.map((t) => ({ value: t, label: t })), { value: NO_TOWN, label: 'Not about one town' }]}
        />
        <Field id="notes" label="Notes (optional)" hint="What happened, in a few words. Do not include names or anything that identifies a person." error={err('notes')}>
          <textarea
            className="textarea"
            id="notes"
            name="notes"
            rows={3}
            maxLength={NOTES_MAX}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            aria-describedby={describedBy('notes', true, err('notes'))}
          />
        </Field>
        <div className="sticky-actions">
          <button className="button button--block" type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save outcome'}
          </button>
        </div>
      </form>
    </div>
  );
}

function toFormErrors(problems: FieldProblem[]): FormError[] {
  return problems.map((p) => ({ fieldId: FIELD_INPUT[p.field] ?? 'measure', message: p.message }));
}
