import { Field } from '../../components/Field';
import type { LineForm } from './form-state';

/** Where the rest of a part-funded line's money comes from: a source and an amount per row. */
export function OtherFunding({
  lineIndex: i,
  rows,
  onChange,
}: {
  lineIndex: number;
  rows: LineForm['otherFunding'];
  onChange: (rows: LineForm['otherFunding']) => void;
}) {
  const setRow = (j: number, patch: Partial<LineForm['otherFunding'][number]>) => onChange(rows.map((x, k) => (k === j ? { ...x, ...patch } : x)));
  return (
    <fieldset className="fieldset form-group" id={`line-${i}-other`}>
      <legend className="label">Other funding (if part-funded by CSF)</legend>
      {rows.map((o, j) => (
        <div key={j} className="form-row">
          <Field id={`line-${i}-other-${j}-source`} label="Source">
            <input className="input" id={`line-${i}-other-${j}-source`} value={o.source} onChange={(e) => setRow(j, { source: e.target.value })} />
          </Field>
          <Field id={`line-${i}-other-${j}-amount`} label="Amount (£)">
            <input
              className="input input--width-10"
              id={`line-${i}-other-${j}-amount`}
              inputMode="decimal"
              value={o.amount}
              onChange={(e) => setRow(j, { amount: e.target.value })}
            />
          </Field>
        </div>
      ))}
      <button type="button" className="button button--small button--secondary" onClick={() => onChange([...rows, { source: '', amount: '' }])}>
        Add another funding source
      </button>
    </fieldset>
  );
}
