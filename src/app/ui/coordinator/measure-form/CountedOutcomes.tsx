import type { MeasureTally } from '../../../../domain/tally/rule';
import { OUTCOME_TYPES, outcomeType, type OutcomeTypeId } from '../../../../domain/outcome-types/catalogue';
import type { FieldSpec } from '../../../../domain/outcome-types/fields';
import { Select } from '../../components/Select';

/**
 * Which outcomes a measure counts: the kind officers log for it and, optionally, only those with
 * certain answers to one of its choices.
 */
export function CountedOutcomes({
  tally,
  errorOf,
  onChange,
}: {
  tally: MeasureTally;
  errorOf: (fieldId: string) => string | undefined;
  onChange: (tally: MeasureTally) => void;
}) {
  const choices = outcomeType(tally.outcomeType).fields.filter((f): f is Extract<FieldSpec, { kind: 'choice' }> => f.kind === 'choice');
  const whereField = choices.find((f) => f.key === tally.where?.field);
  // Another kind of outcome has other answers: the filter goes, and the figures start again from a count.
  const setType = (outcomeTypeId: OutcomeTypeId) =>
    onChange({ outcomeType: outcomeTypeId, where: null, figures: [{ kind: 'count', label: tally.figures[0]?.label ?? 'outcomes' }], target: tally.target });
  return (
    <>
      <Select
        id="outcome-type"
        label="What officers log for it"
        error={errorOf('outcome-type')}
        value={tally.outcomeType}
        options={OUTCOME_TYPES.map((t) => ({ value: t.id, label: t.label }))}
        onChange={(v) => setType(v as OutcomeTypeId)}
      />
      {choices.length > 0 && (
        <Select
          id="where-field"
          label="Only count those where"
          error={errorOf('where-field')}
          placeholder="Count them all"
          value={tally.where?.field ?? ''}
          options={choices.map((c) => ({ value: c.key, label: c.label }))}
          onChange={(v) => {
            const f = choices.find((c) => c.key === v);
            onChange({ ...tally, where: f ? { field: f.key, in: [f.options[0]!.value] } : null });
          }}
        />
      )}
      {whereField && tally.where && (
        <fieldset className="fieldset form-group">
          <legend className="label">{whereField.label} is one of</legend>
          <div className="checkboxes">
            {whereField.options.map((o) => (
              <label key={o.value} className="checkbox">
                <input
                  type="checkbox"
                  checked={tally.where!.in.includes(o.value)}
                  onChange={(e) => {
                    const values = e.target.checked ? [...tally.where!.in, o.value] : tally.where!.in.filter((v) => v !== o.value);
                    onChange({ ...tally, where: { field: whereField.key, in: values } });
                  }}
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </>
  );
}
