import type { ReactNode } from 'react';
import { Field, describedBy } from './Field';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * A labelled drop-down, as Field draws a text input: label, hint and error above it, the select
 * described by its hint and error. For a long list of answers (a short one reads better as Radios).
 */
export function Select({
  id,
  label,
  hint,
  error,
  name,
  value,
  options,
  placeholder,
  onChange,
  after,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** The form field's name, where the form is read by name. */
  name?: string;
  value: string;
  options: readonly SelectOption[];
  /** The first option, with the value '': "Choose…", or "All" for a filter. */
  placeholder?: string;
  onChange: (value: string) => void;
  /** Drawn below the select, inside the form group (a link to add a missing answer). */
  after?: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        className="select"
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, Boolean(hint), error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {after}
    </Field>
  );
}
