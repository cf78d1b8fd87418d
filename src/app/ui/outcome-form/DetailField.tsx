import type { Choice, FieldSpec } from '../../../domain/outcome-types/fields';
import { Field, describedBy } from '../components/Field';
import { Radios } from '../components/Radios';
import { Select } from '../components/Select';
import { Stepper } from '../components/Stepper';

/** More options than this and a choice becomes a native picker: one tap to open, no long scroll. */
const MAX_RADIOS = 7;

export const detailInputId = (key: string) => `detail-${key}`;

/** One question of an outcome type, drawn for its kind with the right keyboard. */
export function DetailField({
  field,
  options,
  value,
  error,
  onChange,
}: {
  field: FieldSpec;
  /** For choices: the options this action can count (see optionsFor). */
  options: readonly Choice[];
  value: string | boolean | undefined;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const id = detailInputId(field.key);
  const label = field.required === true ? field.label : `${field.label} (optional)`;
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'count':
      return (
        <Field id={id} label={label} hint={field.hint} error={error}>
          <Stepper id={id} label={field.label} value={text} min={field.min} max={field.max} hasHint={Boolean(field.hint)} error={error} onChange={onChange} />
        </Field>
      );
    case 'money':
      return (
        <Field id={id} label={label} hint={field.hint ?? 'In pounds, like 125.50'} error={error}>
          <div className="input-prefix">
            <span className="input-prefix__symbol" aria-hidden="true">
              £
            </span>
            <input
              className="input input--width-10"
              id={id}
              name={id}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={text}
              onChange={(e) => onChange(e.target.value)}
              aria-describedby={describedBy(id, true, error)}
            />
          </div>
        </Field>
      );
    case 'short-text':
      return (
        <Field id={id} label={label} hint={field.hint} error={error}>
          <input
            className="input"
            id={id}
            name={id}
            type="text"
            autoComplete="off"
            maxLength={field.maxLength}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={describedBy(id, Boolean(field.hint), error)}
          />
        </Field>
      );
    case 'yes-no':
      return (
        <Radios
          name={id}
          legend={label}
          hint={field.hint}
          error={error}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onChange(v === 'yes')}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          inline
        />
      );
    case 'choice':
      if (options.length <= MAX_RADIOS) {
        return (
          <Radios
            name={id}
            legend={label}
            hint={field.hint}
            error={error}
            value={text}
            onChange={onChange}
            options={options.map((o) => ({ value: o.value, label: o.label }))}
          />
        );
      }
      return (
        <Select id={id} name={id} label={label} hint={field.hint} error={error} placeholder="Choose…" value={text} options={options} onChange={onChange} />
      );
  }
}
