import { Field, describedBy } from '../../components/Field';

/** The measure as the plan words it, and a button that fills in how to count it from those words. */
export function MeasureWording({
  text,
  error,
  onChange,
  onSuggest,
}: {
  text: string;
  error: string | undefined;
  onChange: (text: string) => void;
  onSuggest: () => void;
}) {
  return (
    <>
      <Field id="measure-text" label="The measure, as the plan words it" error={error}>
        <textarea
          className="textarea"
          id="measure-text"
          rows={2}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy('measure-text', false, error)}
        />
      </Field>
      <p>
        <button type="button" className="button button--secondary button--small" onClick={onSuggest}>
          Suggest how to count it from the wording
        </button>
      </p>
    </>
  );
}
