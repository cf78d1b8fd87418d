import { useState, type FormEvent } from 'react';
import type { AddMemberRequest, AddMemberResponse } from '../../../domain/account';
import { mayGrantRole, ROLE_LABEL, ROLES } from '../../../domain/roles';
import type { Role } from '../../../domain/user';
import type { FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { Radios } from '../components/Radios';
import { formErrorsFrom } from '../form-errors';

const INPUT_FOR: Record<string, string> = { email: 'member-email', name: 'member-name', jobTitle: 'member-job-title', role: 'member-role' };

const ROLE_HINT: Record<Role, string> = {
  viewer:
    'Reads the plan, progress, quarterly reports and the PCC return, and changes nothing: for scrutiny, the board or the PCC’s office. Never sees notes, photos, the team or the audit log',
  officer: 'Logs outcomes against the plan',
  coordinator: 'Also runs the plan, its reviews and the team',
  admin: 'A coordinator who can also make others administrators',
};

/**
 * Adds someone to the partnership. A new account's temporary password is shown once, in the
 * success panel, for the coordinator to pass on; the server keeps only its hash. The page's
 * error summary (errors, setErrors) lists what is wrong.
 */
export function AddMemberForm({
  myRole,
  add,
  errors,
  setErrors,
}: {
  myRole: Role;
  add: (req: AddMemberRequest) => Promise<AddMemberResponse>;
  errors: FormError[];
  setErrors: (errors: FormError[]) => void;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<AddMemberResponse | null>(null);
  // Only an administrator may make someone an administrator.
  const offered = ROLES.filter((r) => mayGrantRole(myRole, undefined, r));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAdded(null);
    const missing: FormError[] = [];
    if (!email.trim()) missing.push({ fieldId: 'member-email', message: 'Enter their email address' });
    if (!name.trim()) missing.push({ fieldId: 'member-name', message: 'Enter their full name' });
    if (!role) missing.push({ fieldId: 'member-role', message: 'Choose a role' });
    if (missing.length > 0 || !role) return setErrors(missing);
    setBusy(true);
    try {
      const result = await add({ email, name, jobTitle, role });
      setErrors([]);
      setAdded(result);
      setEmail('');
      setName('');
      setJobTitle('');
      setRole('');
    } catch (err) {
      setErrors(formErrorsFrom(err, (path) => INPUT_FOR[path], 'member-email', 'They could not be added. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section className="panel" aria-labelledby="add-member-title">
      <h2 id="add-member-title">Add someone to the team</h2>
      {added && <Added added={added} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="member-email"
          label="Email address"
          hint="The one they sign in with. Someone who already uses Fieldbook in another partnership keeps their name and password."
          error={err('member-email')}
        >
          <input
            className="input"
            id="member-email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby={describedBy('member-email', true, err('member-email'))}
          />
        </Field>
        <Field id="member-name" label="Full name" error={err('member-name')}>
          <input
            className="input"
            id="member-name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={describedBy('member-name', false, err('member-name'))}
          />
        </Field>
        <Field
          id="member-job-title"
          label="Job title (optional)"
          hint="As the plan’s lead agencies name the role, such as Community Safety Projects Officer: new actions led by it are suggested to them."
          error={err('member-job-title')}
        >
          <input
            className="input"
            id="member-job-title"
            autoComplete="off"
            value={jobTitle}
            onChange={(e) => setJobTitle(e.target.value)}
            aria-describedby={describedBy('member-job-title', true, err('member-job-title'))}
          />
        </Field>
        <Radios
          name="member-role"
          legend="Role in this partnership"
          error={err('member-role')}
          options={offered.map((r) => ({ value: r, label: ROLE_LABEL[r], hint: ROLE_HINT[r] }))}
          value={role}
          onChange={(v) => setRole(v as Role)}
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add to the team'}
        </button>
      </form>
    </section>
  );
}

/** What happened; for a new account, its temporary password, this once. */
function Added({ added }: { added: AddMemberResponse }) {
  return (
    <div className="banner banner--success" role="status">
      <div className="banner__body">
        <p>{added.message}</p>
        {added.temporaryPassword && (
          <>
            <p>
              Temporary password:{' '}
              <strong>
                <code data-testid="temporary-password">{added.temporaryPassword}</code>
              </strong>
            </p>
            <p>
              They must change it when they first sign in. Give it to them in person or by phone, not in an email with their address. It is shown only this
              once.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
