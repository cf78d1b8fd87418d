import { useState, type FormEvent } from 'react';
import { localIsoDate } from '../../../domain/primitives';
import { LOCATION_GOOD_ENOUGH_M, NOTES_MAX, type FieldProblem } from '../../../domain/outcome';
import { outcomeType, placeKindFor, type OutcomeTypeId } from '../../../domain/outcome-types/catalogue';
import { fieldApplies } from '../../../domain/outcome-types/fields';
import type { Measure } from '../../../domain/plan';
import type { OutcomeFormValues } from '../../data/log-outcome';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { Radios } from '../components/Radios';
import { describeError } from '../describe-error';
import { DetailField, detailInputId } from './DetailField';
import { LocationField } from './LocationField';
import { PlacePicker } from './PlacePicker';
import { PhotoPicker } from '../components/PhotoPicker';
import type { ResizedPhoto } from '../../photos/resize-photo';
import { optionsFor, typesForAction, valuesFromState, withType, type OutcomeFormState } from './form-state';
import { areaNamed, NO_AREA, type AreaChoice } from './area-choices';

export interface SubmitOptions {
  /** The officer has seen the possible-duplicate warning and wants to save anyway. */
  confirmDuplicate: boolean;
}

/**
 * The outcome form, drawn from the outcome-type catalogue: what kind of outcome (skipped when the
 * action counts one kind), that kind's questions, when, where, notes. Nothing is checked here that
 * the server does not also check: the save path runs the shared rules, and their problems come
 * back by field into a GOV.UK error summary and beside each field.
 */
export function OutcomeForm({
  actionId,
  measures,
  areas,
  state,
  onStateChange,
  typeLocked = false,
  submitLabel,
  onSubmit,
  photos,
}: {
  actionId: string;
  measures: Measure[];
  /** The areas offered (area-choices.ts): in use, and an outcome's own retired one when changing it. */
  areas: AreaChoice[];
  /** Owned by the screen, so it can be kept as a draft while it is filled in. */
  state: OutcomeFormState;
  onStateChange: (next: OutcomeFormState) => void;
  /** Changing an outcome keeps its type: a different kind of outcome is a new one. */
  typeLocked?: boolean;
  submitLabel: string;
  /** Resolves once saved on the phone; throws with `problems` for the fields to show. */
  onSubmit: (values: OutcomeFormValues, options: SubmitOptions) => Promise<void>;
  /** When logging: photos to attach once the outcome is saved (held by the screen). */
  photos?: { value: ResizedPhoto[]; onChange: (photos: ResizedPhoto[]) => void };
}) {
  const today = localIsoDate(new Date());
  const [errors, setErrors] = useState<FormError[]>([]);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const types = typesForAction(measures);
  const type = state.type ? outcomeType(state.type) : null;
  const set = (patch: Partial<OutcomeFormState>) => onStateChange({ ...state, ...patch });
  const setDetail = (key: string, value: string | boolean) => onStateChange({ ...state, details: { ...state.details, [key]: value } });

  async function submit(e: FormEvent | null, options: SubmitOptions = { confirmDuplicate: false }) {
    e?.preventDefault();
    setDuplicate(null);
    const problems: FieldProblem[] = [];
    if (!state.type) problems.push({ field: 'type', message: 'Choose what you are logging' });
    if (!state.occurredOn) problems.push({ field: 'occurredOn', message: 'Enter the date it happened' });
    if (state.area !== NO_AREA && !areas.some((a) => a.id === state.area))
      problems.push({ field: 'areaId', message: 'Choose the area, or say it is not about one area' });
    if (problems.length > 0) return setErrors(toFormErrors(problems));
    const roughRejected = state.location !== null && state.location.accuracyM > LOCATION_GOOD_ENOUGH_M && !state.roughLocationAccepted;
    setSaving(true);
    try {
      // Awaited: "saved" is said only once the outcome and its outbox entry are committed.
      await onSubmit(valuesFromState(state, actionId, !roughRejected, areas), options);
    } catch (err) {
      setSaving(false);
      if ((err as Error).name === 'PossibleDuplicateError') {
        setErrors([]);
        setDuplicate((err as Error).message);
        return;
      }
      const fieldProblems = (err as { problems?: FieldProblem[] }).problems;
      setErrors(
        fieldProblems
          ? toFormErrors(fieldProblems)
          : [{ fieldId: 'type', message: describeError(err, 'The outcome could not be saved on this phone. Try again.') }],
      );
    }
  }

  const err = (inputId: string) => errors.find((e) => e.fieldId === inputId)?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {!typeLocked && types.length > 1 ? (
          <Radios
            name="type"
            legend="What are you logging?"
            error={err('type')}
            value={state.type}
            onChange={(v) => onStateChange(withType(state, v as OutcomeTypeId, measures))}
            options={types.map((t) => ({ value: t.id, label: t.label, hint: t.hint }))}
          />
        ) : (
          type && (
            <p className="fixed-answer" id="type" tabIndex={-1}>
              <span className="caption">Logging</span> <strong>{type.label}</strong>
            </p>
          )
        )}
        {type?.fields.map((field) => {
          if (!fieldApplies(field, state.details)) return null;
          const options = field.kind === 'choice' ? optionsFor(field, type.id, measures) : [];
          if (field.kind === 'choice' && options.length === 1) {
            return (
              <p className="fixed-answer" key={field.key} id={detailInputId(field.key)} tabIndex={-1}>
                <span className="caption">{field.label.replace(/\?$/, '')}</span> <strong>{options[0]!.label}</strong>
              </p>
            );
          }
          return (
            <DetailField
              key={field.key}
              field={field}
              options={options}
              value={state.details[field.key]}
              error={err(detailInputId(field.key))}
              onChange={(v) => setDetail(field.key, v)}
            />
          );
        })}
        {type?.place && (
          <PlacePicker
            kind={placeKindFor(type.id, state.details)}
            required={type.place.required}
            value={state.placeId}
            error={err('place')}
            onChange={(placeId, town) => set({ placeId, area: areaNamed(areas, town)?.id ?? state.area })}
          />
        )}
        <Field id="date" label="When did it happen?" error={err('date')}>
          <input
            className="input input--width-10"
            id="date"
            name="date"
            type="date"
            max={today}
            value={state.occurredOn}
            onChange={(e) => set({ occurredOn: e.target.value })}
            aria-describedby={describedBy('date', false, err('date'))}
          />
        </Field>
        <Radios
          name="area"
          legend="Which area?"
          error={err('area')}
          value={state.area}
          onChange={(area) => set({ area })}
          options={[...areas.map((a) => ({ value: a.id, label: a.retired ? `${a.name} (retired)` : a.name })), { value: NO_AREA, label: 'Not about one area' }]}
        />
        {type?.allowsLocation && (
          <LocationField
            location={state.location}
            roughAccepted={state.roughLocationAccepted}
            error={err('location')}
            onChange={(location, roughLocationAccepted) => set({ location, roughLocationAccepted })}
          />
        )}
        {photos && <PhotoPicker id="photos" photos={photos.value} onChange={photos.onChange} />}
        <Field
          id="notes"
          label="Notes (optional)"
          hint="No personal details: no names, addresses or anything else that could identify a victim, offender or resident."
          error={err('notes')}
        >
          <textarea
            className="textarea"
            id="notes"
            name="notes"
            rows={3}
            maxLength={NOTES_MAX}
            value={state.notes}
            onChange={(e) => set({ notes: e.target.value })}
            aria-describedby={describedBy('notes', true, err('notes'))}
          />
        </Field>
        {duplicate && (
          <div className="banner banner--warning" role="alert" data-testid="duplicate-warning">
            <p>{duplicate}</p>
            <button type="button" className="button button--small" onClick={() => void submit(null, { confirmDuplicate: true })}>
              Save another
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => setDuplicate(null)}>
              Don’t save
            </button>
          </div>
        )}
        <div className="sticky-actions">
          <button className="button button--block" type="submit" disabled={saving}>
            {saving ? 'Saving…' : submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}

const TOP_LEVEL_INPUT: Record<string, string> = {
  type: 'type',
  occurredOn: 'date',
  town: 'area',
  areaId: 'area',
  notes: 'notes',
  location: 'location',
  placeId: 'place',
};

/** Maps a problem's field path ("details.attendees", "changes.town") to the input it is about. */
function toFormErrors(problems: FieldProblem[]): FormError[] {
  return problems.map((p) => {
    const path = p.field.replace(/^changes\./, '');
    const detail = /^details\.(\w+)/.exec(path)?.[1];
    return { fieldId: detail ? detailInputId(detail) : (TOP_LEVEL_INPUT[path] ?? 'type'), message: p.message };
  });
}
