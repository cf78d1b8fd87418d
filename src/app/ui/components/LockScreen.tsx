import { useState, type FormEvent } from 'react';
import { useIdleLock, useSignIn } from '../../session/session-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { describeError } from '../describe-error';

/**
 * Covers the app after the idle lock falls. The app underneath stays as it was (a half-written
 * outcome included) but is inert: no tabbing to it, no reading it with a screen reader.
 * Locked: the password unlocks on the phone, no signal needed. After too many wrong passwords
 * (or with no way to check one offline) the same form signs in again, which needs signal.
 */
export function LockScreen() {
  const { state, unlock } = useIdleLock();
  const signIn = useSignIn();
  const user = useCurrentUser();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.status === 'unlocked') return null;
  const online = state.status === 'sign-in-required';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!password) return setError('Enter your password');
    setBusy(true);
    try {
      if (online) await signIn(user.email, password);
      else if (!(await unlock(password))) setError('That password is not right');
    } catch (err) {
      setError(describeError(err, 'Could not sign in. Try again.'));
    } finally {
      setBusy(false);
      setPassword('');
    }
  }

  return (
    <div className="lock" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <div className="page page--narrow">
        <h1 id="lock-title">Fieldbook is locked</h1>
        <p>
          {online
            ? 'Sign in again to carry on. This needs a connection. Everything on this phone is kept.'
            : 'It was left unused. Enter your password to carry on; your work is as you left it.'}
        </p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className={`form-group${error ? ' form-group--error' : ''}`}>
            <label className="label" htmlFor="unlock-password">
              Password for {user.email}
            </label>
            {error && (
              <p className="error-message" id="unlock-error">
                <span className="visually-hidden">Error:</span> {error}
                {state.status === 'locked' && state.attemptsLeft < 5 && ` (${state.attemptsLeft} ${state.attemptsLeft === 1 ? 'try' : 'tries'} left)`}
              </p>
            )}
            <input
              className="input"
              id="unlock-password"
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={error ? 'unlock-error' : undefined}
            />
          </div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Checking…' : online ? 'Sign in' : 'Unlock'}
          </button>
        </form>
      </div>
    </div>
  );
}
