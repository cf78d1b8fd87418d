import type { ReactNode } from 'react';
import { HintAndError, describedBy } from './Field';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** A question answered by one of a few options: fieldset and legend, big tap targets. */
export function Radios({
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  inline = false,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: RadioOption[];
  value: string;
  onChange: (value: string) => void;
  /** Side by side, for two short answers such as Yes and No. */
  inline?: boolean;
}) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, Boolean(hint), error)}>
        <legend className="label">{legend}</legend>
        <HintAndError id={name} hint={hint} error={error} />
        <div className={inline ? 'radios radios--inline' : 'radios'}>
          {options.map((o, i) => {
            const id = i === 0 ? name : `${name}-${i}`;
            return (
              <div className="radio" key={o.value}>
                <input id={id} type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
                <label htmlFor={id}>
                  {o.label}
                  {o.hint && <span className="radio-hint">{o.hint}</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
