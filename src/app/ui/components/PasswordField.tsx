import type { ReactNode } from 'react';
import { Field, describedBy } from './Field';

/** A password question: its label, hint and error (see Field), and the input described by them. */
export function PasswordField({
  id,
  name,
  label,
  hint,
  error,
  autoComplete,
  value,
  onChange,
}: {
  id: string;
  /** The form field's name, where a password manager looks for one. */
  name?: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        className="input"
        id={id}
        name={name}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, Boolean(hint), error)}
      />
    </Field>
  );
}
