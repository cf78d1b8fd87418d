import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from '../../../../domain/zod';
import { toFieldErrors } from '../../../../domain/api-error';
import { MeasureTally } from '../../../../domain/tally/rule';
import { suggestTally } from '../../../../domain/tally/suggest';
import { describeTally } from '../../../../domain/tally/describe';
import { usePlanAdmin } from '../../../data/plan-admin-hooks';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formErrorsFrom } from '../../form-errors';
import { MeasureWording } from './MeasureWording';
import { CountedOutcomes } from './CountedOutcomes';
import { FiguresToShow } from './FiguresToShow';
import { TargetField } from './TargetField';

/** A measure added to an action or changed: its wording, which outcomes it counts, the figures it shows and its target. */
export function MeasureForm({
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
        <MeasureWording
          text={text}
          error={err('measure-text')}
          onChange={setText}
          onSuggest={() => {
            const s = suggestTally(text, actionText);
            setTally(s);
            setTarget(s.target?.toString() ?? '');
          }}
        />
        <CountedOutcomes tally={tally} errorOf={err} onChange={setTally} />
        <FiguresToShow tally={tally} onChange={setTally} />
        <TargetField value={target} error={err('target')} onChange={setTarget} />
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
