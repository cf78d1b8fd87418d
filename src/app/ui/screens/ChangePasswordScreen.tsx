import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PASSWORD_MIN } from '../../../domain/user';
import { useChangePassword } from '../../data/admin-hooks';
import { useEndSessionBeforeStart } from '../../session/session-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { PasswordField } from '../components/PasswordField';
import { describeError } from '../describe-error';

const FIELD_INPUT: Record<string, string> = { currentPassword: 'current-password', newPassword: 'new-password' };

/**
 * GOV.UK-style password change: the rules in the hint, no composition rules, the server decides.
 * `firstPassword`: shown instead of the app to someone who signed in with the temporary password
 * a coordinator gave them; once the server has their own, the app opens (the session says so).
 */
export function ChangePasswordScreen({ firstPassword = false }: { firstPassword?: boolean }) {
  const change = useChangePassword();
  const signOut = useEndSessionBeforeStart();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: FormError[] = [];
    if (!current)
      missing.push({ fieldId: 'current-password', message: firstPassword ? 'Enter the temporary password you were given' : 'Enter your current password' });
    if (!next) missing.push({ fieldId: 'new-password', message: 'Enter a new password' });
    if (missing.length > 0) return setErrors(missing);
    setBusy(true);
    try {
      await change(current, next);
      setErrors([]);
      setDone(true);
    } catch (err) {
      const fieldErrors = (err as { body?: { fieldErrors?: { path: string; message: string }[] } }).body?.fieldErrors;
      setErrors(
        fieldErrors?.length
          ? fieldErrors.map((f) => ({ fieldId: FIELD_INPUT[f.path] ?? 'current-password', message: f.message }))
          : [{ fieldId: 'current-password', message: describeError(err, 'Your password could not be changed. Try again.') }],
      );
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="page page--narrow">
        <div className="banner banner--success" role="status">
          <p>Your password has been changed. You have been signed out everywhere else.</p>
        </div>
        <p>
          <Link to="/account">Back to your account</Link>
        </p>
      </div>
    );
  }

  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="page page--narrow">
      <h1>{firstPassword ? 'Choose your password' : 'Change your password'}</h1>
      {firstPassword && <p>You signed in with a temporary password. Choose one that only you know before you start.</p>}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <PasswordField
          id="current-password"
          label={firstPassword ? 'Temporary password' : 'Current password'}
          error={err('current-password')}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <PasswordField
          id="new-password"
          label="New password"
          hint={`At least ${PASSWORD_MIN} characters. A few unrelated words together make a strong one you can remember.`}
          error={err('new-password')}
          autoComplete="new-password"
          value={next}
          onChange={setNext}
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Changing…' : firstPassword ? 'Save my password' : 'Change password'}
        </button>
      </form>
      {firstPassword && (
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void signOut().catch((e: unknown) => setErrors([{ fieldId: 'current-password', message: describeError(e, 'Could not sign out. Try again.') }]))
            }
          >
            Sign out
          </button>
        </p>
      )}
    </div>
  );
}
