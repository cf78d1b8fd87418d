import { Field, describedBy } from '../../components/Field';

/** The measure's target for the plan period, as typed (the form parses it on save). */
export function TargetField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (target: string) => void }) {
  return (
    <Field id="target" label="Target for the plan period (optional)" hint="For the first figure. Leave empty if the plan sets none." error={error}>
      <input
        className="input input--width-5"
        id="target"
        inputMode="numeric"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy('target', true, error)}
      />
    </Field>
  );
}
