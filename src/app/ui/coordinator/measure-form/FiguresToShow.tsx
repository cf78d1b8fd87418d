import type { MeasureTally, TallyFigure } from '../../../../domain/tally/rule';
import { outcomeType, type OutcomeTypeId } from '../../../../domain/outcome-types/catalogue';
import type { FieldSpec } from '../../../../domain/outcome-types/fields';
import { Field } from '../../components/Field';
import { Select } from '../../components/Select';

type Kind = TallyFigure['kind'];
const KIND_LABEL: Record<Kind, string> = { count: 'How many', sum: 'Added up', distinct: 'How many different', latest: 'The latest answer' };

/** The fields a figure of this kind can read (the tally rule schema refuses the others). */
function fieldsFor(kind: Kind, type: OutcomeTypeId): { key: string; label: string }[] {
  const fields = outcomeType(type).fields;
  const ok = (f: FieldSpec) =>
    kind === 'sum' ? f.kind === 'count' || f.kind === 'money' : kind === 'latest' ? f.kind === 'choice' : kind === 'distinct' ? f.kind !== 'money' : false;
  return [...(kind === 'distinct' ? [{ key: 'town', label: 'Town' }] : []), ...fields.filter(ok).map((f) => ({ key: f.key, label: f.label }))];
}

/** The figures a measure shows (at most three), each a kind, the answer it reads and its label; the first is compared with the target. */
export function FiguresToShow({ tally, onChange }: { tally: MeasureTally; onChange: (tally: MeasureTally) => void }) {
  const setFigure = (i: number, f: TallyFigure) => onChange({ ...tally, figures: tally.figures.map((x, j) => (j === i ? f : x)) });
  const figureOf = (kind: Kind, label: string): TallyFigure =>
    kind === 'count' ? { kind, label } : { kind, label, field: fieldsFor(kind, tally.outcomeType)[0]?.key ?? '' };
  return (
    <fieldset className="fieldset form-group">
      <legend className="label">Figures to show</legend>
      <div className="hint">The first is compared with the target.</div>
      {tally.figures.map((f, i) => (
        <div key={i} className="form-row">
          <Select
            id={`figure-kind-${i}`}
            label={`Figure ${i + 1}`}
            value={f.kind}
            options={(Object.keys(KIND_LABEL) as Kind[]).map((k) => ({
              value: k,
              label: KIND_LABEL[k],
              disabled: k !== 'count' && fieldsFor(k, tally.outcomeType).length === 0,
            }))}
            onChange={(v) => setFigure(i, figureOf(v as Kind, f.label))}
          />
          {f.kind !== 'count' && (
            <Select
              id={`figure-field-${i}`}
              label="Of"
              value={f.field}
              options={fieldsFor(f.kind, tally.outcomeType).map((o) => ({ value: o.key, label: o.label }))}
              onChange={(field) => setFigure(i, { ...f, field })}
            />
          )}
          <Field id={`figure-label-${i}`} label="Shown as">
            <input className="input" id={`figure-label-${i}`} value={f.label} onChange={(e) => setFigure(i, { ...f, label: e.target.value })} />
          </Field>
          {tally.figures.length > 1 && (
            <p>
              <button type="button" className="link-button" onClick={() => onChange({ ...tally, figures: tally.figures.filter((_, j) => j !== i) })}>
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
          onClick={() => onChange({ ...tally, figures: [...tally.figures, { kind: 'count', label: 'outcomes' }] })}
        >
          Add a figure
        </button>
      )}
    </fieldset>
  );
}
