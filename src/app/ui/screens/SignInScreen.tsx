import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession, useSignIn } from '../../session/session-hooks';
import { describeError } from '../describe-error';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { PasswordField } from '../components/PasswordField';

/**
 * Sign in. Also shown when a session ends while the officer works offline: their queue stays on
 * the phone, and signing in again sends it.
 */
export function SignInScreen() {
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const again = session.status === 'signed-in' && session.signInNeeded;
  const [email, setEmail] = useState(session.status === 'signed-in' ? session.user.email : '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: FormError[] = [];
    if (!email.trim()) missing.push({ fieldId: 'email', message: 'Enter your email address' });
    if (!password) missing.push({ fieldId: 'password', message: 'Enter your password' });
    if (missing.length > 0) return setErrors(missing);
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      setErrors([]);
      void navigate('/', { replace: true });
    } catch (err) {
      setPassword('');
      setErrors([{ fieldId: 'email', message: describeError(err, 'Sign-in failed. Try again.') }]);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="page page--narrow">
      <h1>{again ? 'Sign in again to sync' : 'Sign in to Fieldbook'}</h1>
      {again && <p>Your session has ended. Everything you logged is still on this phone and will sync once you sign in.</p>}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="email" label="Email address" error={fieldError('email')}>
          <input
            className="input"
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby={describedBy('email', false, fieldError('email'))}
          />
        </Field>
        <PasswordField
          id="password"
          name="password"
          label="Password"
          error={fieldError('password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link to="/accessibility">Accessibility statement</Link> · <Link to="/privacy">Privacy notice</Link>
      </p>
    </div>
  );
}
