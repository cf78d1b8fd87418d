import './coordinator.css';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from '../../../domain/zod';
import { toFieldErrors } from '../../../domain/api-error';
import { MeasureTally, type TallyFigure } from '../../../domain/tally/rule';
import { suggestTally } from '../../../domain/tally/suggest';
import { describeTally } from '../../../domain/tally/describe';
import { OUTCOME_TYPES, outcomeType, type OutcomeTypeId } from '../../../domain/outcome-types/catalogue';
import type { FieldSpec } from '../../../domain/outcome-types/fields';
import { useMeasureToEdit, usePlanAdmin } from '../../data/plan-admin-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { Loading } from '../components/Loading';
import { ConfirmButton } from '../components/ConfirmButton';
import { formErrorsFrom } from '../form-errors';
import { NotOnDevice } from './NotOnDevice';

type Kind = TallyFigure['kind'];
const KIND_LABEL: Record<Kind, string> = { count: 'How many', sum: 'Added up', distinct: 'How many different', latest: 'The latest answer' };

/** The fields a figure of this kind can read (the tally rule schema refuses the others). */
function fieldsFor(kind: Kind, type: OutcomeTypeId): { key: string; label: string }[] {
  const fields = outcomeType(type).fields;
  const ok = (f: FieldSpec) =>
    kind === 'sum' ? f.kind === 'count' || f.kind === 'money' : kind === 'latest' ? f.kind === 'choice' : kind === 'distinct' ? f.kind !== 'money' : false;
  return [...(kind === 'distinct' ? [{ key: 'town', label: 'Town' }] : []), ...fields.filter(ok).map((f) => ({ key: f.key, label: f.label }))];
}

/**
 * How a measure is counted, as its coordinator sets it: which kind of outcome, which of those
 * (a filter on one answer), what figures to show and the target. "Suggest from the wording" fills
 * it in as the importer would. Changing a rule never loses an outcome; it changes what is counted.
 */
export default function EditMeasureScreen() {
  const { planId = '', measureId, actionId } = useParams();
  const data = useMeasureToEdit(measureId, actionId);
  if (!data) return <Loading what="Loading the measure" />;
  if (!data.action || (measureId && !data.measure)) {
    return <NotOnDevice title="Measure not found" back={{ to: `/plans/${planId}`, label: 'Back to the plan' }} />;
  }
  return <MeasureForm planId={planId} actionId={data.action.id} actionText={data.action.text} measure={data.measure} />;
}

function MeasureForm({
  planId,
  actionId,
  actionText,
  measure,
}: {
  planId: string;
  actionId: string;
  actionText: string;
  measure: { id: string; text: string; tally: MeasureTally } | null;
}) {
  const admin = usePlanAdmin();
  const navigate = useNavigate();
  const [text, setText] = useState(measure?.text ?? '');
  const [tally, setTally] = useState<MeasureTally>(measure?.tally ?? suggestTally('', actionText));
  const [target, setTarget] = useState(measure?.tally.target?.toString() ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const back = `/plans/${planId}/actions/${actionId}`;
  const type = outcomeType(tally.outcomeType);
  const choices = type.fields.filter((f): f is Extract<FieldSpec, { kind: 'choice' }> => f.kind === 'choice');
  const whereField = choices.find((f) => f.key === tally.where?.field);

  const setType = (outcomeTypeId: OutcomeTypeId) =>
    setTally({ outcomeType: outcomeTypeId, where: null, figures: [{ kind: 'count', label: tally.figures[0]?.label ?? 'outcomes' }], target: tally.target });
  const setFigure = (i: number, f: TallyFigure) => setTally({ ...tally, figures: tally.figures.map((x, j) => (j === i ? f : x)) });
  const figureOf = (kind: Kind, label: string): TallyFigure =>
    kind === 'count' ? { kind, label } : { kind, label, field: fieldsFor(kind, tally.outcomeType)[0]?.key ?? '' };

  async function save(e: FormEvent) {
    e.preventDefault();
    const candidate = { ...tally, target: target.trim() === '' ? null : Number(target) };
    const parsed = z.safeParse(MeasureTally, candidate);
    const problems: FormError[] = [];
    if (!text.trim()) problems.push({ fieldId: 'measure-text', message: 'Enter the measure as the plan words it' });
    if (!parsed.success)
      problems.push(
        ...toFieldErrors(parsed.error.issues).map((f) => ({
          fieldId: f.path.startsWith('target') ? 'target' : f.path.startsWith('where') ? 'where-field' : 'outcome-type',
          message: f.message,
        })),
      );
    if (problems.length > 0 || !parsed.success) return setErrors(problems);
    try {
      if (measure) await admin.editMeasure(measure.id, { text, tally: parsed.data });
      else await admin.addMeasure(actionId, { text, tally: parsed.data });
      void navigate(back);
    } catch (err) {
      setErrors(formErrorsFrom(err, (p) => (p === 'text' ? 'measure-text' : 'outcome-type'), 'measure-text', 'The measure could not be saved. Try again.'));
    }
  }

  const err = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  return (
    <div className="page">
      <p className="caption">
        <Link to={back}>Back to the action</Link>
      </p>
      <h1>{measure ? 'Change a measure' : 'Add a measure'}</h1>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <Field id="measure-text" label="The measure, as the plan words it" error={err('measure-text')}>
          <textarea
            className="textarea"
            id="measure-text"
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={describedBy('measure-text', false, err('measure-text'))}
          />
        </Field>
        <p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              const s = suggestTally(text, actionText);
              setTally(s);
              setTarget(s.target?.toString() ?? '');
            }}
          >
            Suggest how to count it from the wording
          </button>
        </p>
        <Field id="outcome-type" label="What officers log for it" error={err('outcome-type')}>
          <select className="select" id="outcome-type" value={tally.outcomeType} onChange={(e) => setType(e.target.value as OutcomeTypeId)}>
            {OUTCOME_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        {choices.length > 0 && (
          <Field id="where-field" label="Only count those where" error={err('where-field')}>
            <select
              className="select"
              id="where-field"
              value={tally.where?.field ?? ''}
              onChange={(e) => {
                const f = choices.find((c) => c.key === e.target.value);
                setTally({ ...tally, where: f ? { field: f.key, in: [f.options[0]!.value] } : null });
              }}
            >
              <option value="">Count them all</option>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </Field>
        )}
        {whereField && tally.where && (
          <fieldset className="fieldset form-group">
            <legend className="label">{whereField.label} is one of</legend>
            <div className="checkboxes">
              {whereField.options.map((o) => (
                <label key={o.value} className="checkbox">
                  <input
                    type="checkbox"
                    checked={tally.where!.in.includes(o.value)}
                    onChange={(e) => {
                      const values = e.target.checked ? [...tally.where!.in, o.value] : tally.where!.in.filter((v) => v !== o.value);
                      setTally({ ...tally, where: { field: whereField.key, in: values } });
                    }}
                  />
                  <span>{o.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="fieldset form-group">
          <legend className="label">Figures to show</legend>
          <div className="hint">The first is compared with the target.</div>
          {tally.figures.map((f, i) => (
            <div key={i} className="form-row">
              <Field id={`figure-kind-${i}`} label={`Figure ${i + 1}`}>
                <select className="select" id={`figure-kind-${i}`} value={f.kind} onChange={(e) => setFigure(i, figureOf(e.target.value as Kind, f.label))}>
                  {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
                    <option key={k} value={k} disabled={k !== 'count' && fieldsFor(k, tally.outcomeType).length === 0}>
                      {KIND_LABEL[k]}
                    </option>
                  ))}
                </select>
              </Field>
              {f.kind !== 'count' && (
                <Field id={`figure-field-${i}`} label="Of">
                  <select className="select" id={`figure-field-${i}`} value={f.field} onChange={(e) => setFigure(i, { ...f, field: e.target.value })}>
                    {fieldsFor(f.kind, tally.outcomeType).map((o) => (
                      <option key={o.key} value={o.key}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              <Field id={`figure-label-${i}`} label="Shown as">
                <input className="input" id={`figure-label-${i}`} value={f.label} onChange={(e) => setFigure(i, { ...f, label: e.target.value })} />
              </Field>
              {tally.figures.length > 1 && (
                <p>
                  <button type="button" className="link-button" onClick={() => setTally({ ...tally, figures: tally.figures.filter((_, j) => j !== i) })}>
                    Remove figure {i + 1}
                  </button>
                </p>
              )}
            </div>
          ))}
          {tally.figures.length < 3 && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setTally({ ...tally, figures: [...tally.figures, { kind: 'count', label: 'outcomes' }] })}
            >
              Add a figure
            </button>
          )}
        </fieldset>
        <Field id="target" label="Target for the plan period (optional)" hint="For the first figure. Leave empty if the plan sets none." error={err('target')}>
          <input
            className="input input--width-5"
            id="target"
            inputMode="numeric"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-describedby={describedBy('target', true, err('target'))}
          />
        </Field>
        <p className="muted" data-testid="tally-description">
          {describeTally({ ...tally, target: /^\d+$/.test(target.trim()) ? Number(target) : null })}
        </p>
        <button className="button" type="submit">
          Save the measure
        </button>
      </form>
      {measure && (
        <p>
          <ConfirmButton
            label="Remove this measure…"
            confirmLabel="Remove it now"
            cancelLabel="Cancel"
            onConfirm={async () => {
              try {
                await admin.removeMeasure(measure.id);
                void navigate(back);
              } catch (e) {
                setErrors(formErrorsFrom(e, () => undefined, 'measure-text', 'The measure could not be removed. Try again.'));
              }
            }}
          />
        </p>
      )}
    </div>
  );
}
