import { useState, type FormEvent } from 'react';
import { localIsoDate } from '../../../domain/primitives';
import { NOTES_MAX, type FieldProblem } from '../../../domain/outcome';
import type { Measure } from '../../../domain/plan';
import type { OutcomeFormValues } from '../../data/log-outcome';
import { ErrorSummary, type FormError } from './ErrorSummary';
import { Field, describedBy } from './Field';
import { Radios } from './Radios';
import { describeError } from '../describe-error';

const NO_TOWN = '__none__';

/** Which input each validation field maps to, so the error summary links to the right place. */
const FIELD_INPUT: Record<string, string> = { measureId: 'measure', quantity: 'quantity', occurredOn: 'date', town: 'town', notes: 'notes' };

/**
 * One short form for an outcome: which measure, how many (when the measure counts something),
 * when, where, notes. The same rules as the server are checked before anything is saved, and
 * problems are listed in a GOV.UK error summary linked to their fields.
 */
export function OutcomeForm({
  actionId,
  measures,
  towns,
  initial,
  submitLabel,
  onSubmit,
}: {
  actionId: string;
  measures: Measure[];
  towns: string[];
  initial?: Partial<OutcomeFormValues>;
  submitLabel: string;
  /** Resolves once saved on the phone; throws with `problems` for the fields to show. */
  onSubmit: (values: OutcomeFormValues) => Promise<void>;
}) {
  const today = localIsoDate(new Date());
  const [measureId, setMeasureId] = useState(initial?.measureId ?? (measures.length === 1 ? measures[0]!.id : ''));
  const [quantity, setQuantity] = useState(initial?.quantity != null ? String(initial.quantity) : '');
  const [occurredOn, setOccurredOn] = useState(initial?.occurredOn ?? today);
  const [town, setTown] = useState(initial === undefined ? '' : initial.town === null ? NO_TOWN : (initial.town ?? ''));
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saving, setSaving] = useState(false);
  const measure = measures.find((m) => m.id === measureId);
  const counts = measure?.tally.kind === 'sum';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldProblem[] = [];
    if (!measureId) problems.push({ field: 'measureId', message: 'Choose what this outcome counts towards' });
    if (counts && !/^\d+$/.test(quantity.trim())) {
      problems.push({ field: 'quantity', message: quantity.trim() ? 'Enter a whole number, like 12' : `Enter how many ${measure?.tally.kind === 'sum' ? measure.tally.unit : ''}` });
    }
    if (!occurredOn) problems.push({ field: 'occurredOn', message: 'Enter the date it happened' });
    if (!town) problems.push({ field: 'town', message: 'Choose the town, or say it is not about one town' });
    if (problems.length > 0) return setErrors(toFormErrors(problems));
    setSaving(true);
    try {
      // Awaited: "saved" is said only once the outcome and its outbox entry are committed.
      await onSubmit({ actionId, measureId, quantity: counts ? Number(quantity.trim()) : null, occurredOn, town: town === NO_TOWN ? null : town, notes: notes.trim() });
    } catch (err) {
      const fieldProblems = (err as { problems?: FieldProblem[] }).problems;
      setErrors(fieldProblems ? toFormErrors(fieldProblems) : [{ fieldId: 'measure', message: describeError(err, 'The outcome could not be saved on this phone. Try again.') }]);
      setSaving(false);
    }
  }

  const err = (field: string) => errors.find((e) => e.fieldId === FIELD_INPUT[field])?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Radios name="measure" legend="What does it count towards?" error={err('measureId')} value={measureId} onChange={setMeasureId} options={measures.map((m) => ({ value: m.id, label: m.text }))} />
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
          <input className="input input--width-10" id="date" name="date" type="date" max={today} value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} aria-describedby={describedBy('date', false, err('occurredOn'))} />
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
          <textarea className="textarea" id="notes" name="notes" rows={3} maxLength={NOTES_MAX} value={notes} onChange={(e) => setNotes(e.target.value)} aria-describedby={describedBy('notes', true, err('notes'))} />
        </Field>
        <div className="sticky-actions">
          <button className="button button--block" type="submit" disabled={saving}>
            {saving ? 'Saving…' : submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}

function toFormErrors(problems: FieldProblem[]): FormError[] {
  return problems.map((p) => ({ fieldId: FIELD_INPUT[p.field.replace(/^changes\./, '')] ?? 'measure', message: p.message }));
}
