import type { Action } from '../../../../domain/plan';
import { shareOfGrant } from '../../../../domain/fund-return';
import { Field } from '../../components/Field';
import { toPence, type LineForm } from './form-state';
import { OtherFunding } from './OtherFunding';
import { ActionsPaidFor } from './ActionsPaidFor';

type ProgressKey = 'objectives' | 'progressMidYear' | 'progressEndYear';
/** The line's words for each stage of the year; the printed return shows the one for its stage. */
const STAGE_TEXTS: { key: ProgressKey; label: string }[] = [
  { key: 'objectives', label: 'Objectives (start of year)' },
  { key: 'progressMidYear', label: 'Progress and outcomes at mid-year' },
  { key: 'progressEndYear', label: 'Progress and outcomes at end-year' },
];

/** One expenditure line of the return: its title, cost and share of the grant, what it is for and achieved, other funding, and the actions it pays for. */
export function ExpenditureLine({
  index: i,
  line: l,
  grantPence,
  actions,
  errorOf,
  onChange,
  onRemove,
}: {
  index: number;
  line: LineForm;
  grantPence: number | null;
  actions: Action[];
  errorOf: (fieldId: string) => string | undefined;
  onChange: (patch: Partial<LineForm>) => void;
  onRemove: () => void;
}) {
  const share = shareOfGrant(toPence(l.cost) ?? 0, grantPence);
  return (
    <fieldset className="fieldset panel">
      <legend className="label">Line {i + 1}</legend>
      <Field id={`line-${i}-title`} label="Expenditure title" error={errorOf(`line-${i}-title`)}>
        <input className="input" id={`line-${i}-title`} value={l.title} onChange={(e) => onChange({ title: e.target.value })} />
      </Field>
      <div className="form-row">
        <Field id={`line-${i}-cost`} label="Cost to CSF (£)" error={errorOf(`line-${i}-cost`)}>
          <input
            className="input input--width-10"
            id={`line-${i}-cost`}
            inputMode="decimal"
            value={l.cost}
            onChange={(e) => onChange({ cost: e.target.value })}
          />
        </Field>
        <p className="muted">{share !== null ? `${share}% of the grant` : ''}</p>
      </div>
      {STAGE_TEXTS.map(({ key, label }) => (
        <Field key={key} id={`line-${i}-${key}`} label={label} error={errorOf(`line-${i}-${key}`)}>
          <textarea className="textarea" id={`line-${i}-${key}`} rows={2} value={l[key]} onChange={(e) => onChange({ [key]: e.target.value })} />
        </Field>
      ))}
      <OtherFunding lineIndex={i} rows={l.otherFunding} onChange={(otherFunding) => onChange({ otherFunding })} />
      <ActionsPaidFor actions={actions} chosen={l.actionIds} onChange={(actionIds) => onChange({ actionIds })} />
      <button type="button" className="link-button" onClick={onRemove}>
        Remove line {i + 1}
      </button>
    </fieldset>
  );
}
