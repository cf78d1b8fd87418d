import { describedBy } from './Field';

/**
 * A whole-number input with big − and + buttons either side, for counts typed with one thumb:
 * the numeric keypad when typing, a tap when nudging. The value stays text so a mistyped entry
 * is shown back with its error rather than lost.
 */
export function Stepper({
  id,
  label,
  value,
  min,
  max,
  hasHint,
  error,
  onChange,
}: {
  id: string;
  /** The field's label, so each button says what it changes to a screen reader. */
  label: string;
  value: string;
  min: number;
  max: number;
  hasHint: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  const step = (by: number) => onChange(String(Math.min(max, Math.max(min, (n ?? (by > 0 ? min - 1 : min + 1)) + by))));
  return (
    <div className="stepper">
      <button
        type="button"
        className="stepper__button"
        aria-label={`One fewer: ${label}`}
        aria-controls={id}
        disabled={n !== null && n <= min}
        onClick={() => step(-1)}
      >
        −
      </button>
      <input
        className="input stepper__input"
        id={id}
        name={id}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hasHint, error)}
      />
      <button
        type="button"
        className="stepper__button"
        aria-label={`One more: ${label}`}
        aria-controls={id}
        disabled={n !== null && n >= max}
        onClick={() => step(1)}
      >
        +
      </button>
    </div>
  );
}
