import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from '../../../domain/zod';
import { toFieldErrors } from '../../../domain/api-error';
import { DEFAULT_PARTNERSHIP_DETAILS, PartnershipDetailsUpdate } from '../../../domain/partnership-details';
import type { Partnership } from '../../../domain/plan';
import { useAdministeredPartnerships, useChangeDetails } from '../../data/partnership-details-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { describedBy, Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { formErrorsFrom } from '../form-errors';
import { NotFoundScreen } from '../screens/NotFoundScreen';

type FormValue = PartnershipDetailsUpdate;
const FIELDS = ['name', 'protectiveMarking', 'contactEmail', 'contactPhone', 'dataController'] as const;
const inputFor = (path: string) => FIELDS.find((f) => f === path.split('.')[0]);

/**
 * What prints on reports: an administrator changes the partnership's full name, the protective
 * marking on every printed and exported report, and the contact the accessibility statement and
 * privacy notice give. /settings/report-details?partnership=<id> (the first they administer when unsaid).
 */
export default function ReportDetailsScreen() {
  const partnerships = useAdministeredPartnerships();
  const [params] = useSearchParams();
  if (partnerships === undefined) return <Loading />;
  const wanted = params.get('partnership');
  const partnership = wanted ? partnerships.find((p) => p.id === wanted) : partnerships[0];
  if (!partnership) return <NotFoundScreen />;
  return <ReportDetailsForm key={partnership.id} partnership={partnership} />;
}

function ReportDetailsForm({ partnership }: { partnership: Partnership }) {
  const change = useChangeDetails();
  const details = partnership.details ?? DEFAULT_PARTNERSHIP_DETAILS;
  const [value, setValue] = useState<FormValue>({ name: partnership.name, ...details });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<FormValue>) => {
    setSaved(false);
    setValue((v) => ({ ...v, ...patch }));
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const parsed = z.safeParse(PartnershipDetailsUpdate, value);
    if (!parsed.success) {
      setErrors(toFieldErrors(parsed.error.issues).map((f) => ({ fieldId: inputFor(f.path) ?? 'name', message: f.message })));
      return;
    }
    try {
      const answer = await change(partnership.id, parsed.data);
      setValue({ name: answer.name, ...answer.details });
      setErrors([]);
      setSaved(true);
    } catch (err) {
      setErrors(formErrorsFrom(err, inputFor, 'name', 'The details could not be saved. Check you are online and try again.'));
    }
  }

  const err = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  const input = (id: (typeof FIELDS)[number], hint: boolean, extra: { type?: string; autoComplete?: string; className?: string } = {}) => (
    <input
      className={extra.className ? `input ${extra.className}` : 'input'}
      id={id}
      name={id}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete ?? 'off'}
      spellCheck={false}
      value={value[id]}
      aria-describedby={describedBy(id, hint, err(id))}
      aria-invalid={err(id) ? true : undefined}
      onChange={(e) => set({ [id]: e.target.value })}
    />
  );
  return (
    <div className="page">
      <p className="caption">Partnership settings</p>
      <h1>What prints on reports</h1>
      <ErrorSummary errors={errors} />
      {saved && (
        <p className="banner banner--success" role="status">
          Saved. Reports printed or exported from now on carry these details; officers’ phones get them at their next sync.
        </p>
      )}
      <form onSubmit={(e) => void save(e)} noValidate>
        <Field id="name" label="Partnership’s full name" hint="As it appears at the top of reports and returns." error={err('name')}>
          {input('name', true)}
        </Field>
        <Field
          id="protectiveMarking"
          label="Protective marking"
          hint="Printed at the top and bottom of every printed report and first in every exported spreadsheet, for example OFFICIAL or OFFICIAL-SENSITIVE. Leave empty for none."
          error={err('protectiveMarking')}
        >
          {input('protectiveMarking', true)}
        </Field>
        <h2>Contact for the accessibility statement and privacy notice</h2>
        <Field id="contactEmail" label="Email address" hint="Where people report an accessibility problem or ask about their data." error={err('contactEmail')}>
          {input('contactEmail', true, { type: 'email', autoComplete: 'email' })}
        </Field>
        <Field id="contactPhone" label="Phone number (optional)" error={err('contactPhone')}>
          {input('contactPhone', false, { type: 'tel', autoComplete: 'tel', className: 'input--width-10' })}
        </Field>
        <Field
          id="dataController"
          label="Data controller"
          hint="The organisation responsible for the data in Fieldbook, usually the council that hosts it."
          error={err('dataController')}
        >
          {input('dataController', true)}
        </Field>
        <button className="button" type="submit">
          Save
        </button>
      </form>
      <p>
        <Link to="/accessibility">Accessibility statement</Link> · <Link to="/privacy">Privacy notice</Link>
      </p>
    </div>
  );
}
