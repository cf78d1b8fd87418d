import { Field } from '../../components/Field';

export interface ReturnContactsValue {
  grant: string;
  area: string;
  council: string;
  police: string;
}

/** The head of the return: the grant allocated, the area, and who signs for the council and the police. */
export function ReturnContacts({
  value,
  errorOf,
  onChange,
}: {
  value: ReturnContactsValue;
  errorOf: (fieldId: string) => string | undefined;
  onChange: (patch: Partial<ReturnContactsValue>) => void;
}) {
  return (
    <>
      <div className="form-row">
        <Field id="grant" label="CSF grant allocation (£)" error={errorOf('grant')}>
          <input className="input input--width-10" id="grant" inputMode="decimal" value={value.grant} onChange={(e) => onChange({ grant: e.target.value })} />
        </Field>
        <Field id="area" label="Local authority area" error={errorOf('area')}>
          <input className="input" id="area" value={value.area} onChange={(e) => onChange({ area: e.target.value })} />
        </Field>
      </div>
      <div className="form-row">
        <Field id="council" label="Council contact for the grant" error={errorOf('council')}>
          <input className="input" id="council" value={value.council} onChange={(e) => onChange({ council: e.target.value })} />
        </Field>
        <Field id="police" label="Police area commander (or county lead)" error={errorOf('police')}>
          <input className="input" id="police" value={value.police} onChange={(e) => onChange({ police: e.target.value })} />
        </Field>
      </div>
    </>
  );
}
