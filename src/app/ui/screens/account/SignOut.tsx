import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../../session/session-hooks';
import { describeError } from '../../describe-error';

/**
 * Signing out, which deletes the user's records from the phone: outcomes are sent first, and if
 * some cannot be, the officer is told how many and chooses to retry, save them to a file, or lose them.
 */
export function SignOut({ waiting, onSaveUnsynced }: { waiting: number; onSaveUnsynced: () => void }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unsynced, setUnsynced] = useState<number | null>(null);

  async function onSignOut(discardUnsynced: boolean) {
    setBusy(true);
    setError(null);
    try {
      const result = await signOut({ discardUnsynced });
      if (result.status === 'unsynced') setUnsynced(result.waiting);
      else void navigate('/', { replace: true });
    } catch (e) {
      setError(describeError(e, 'Could not sign out. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h2>Sign out</h2>
      <p>Signing out removes everything of yours from this phone: your copy of the plan and any outcomes. Outcomes are sent to the server first.</p>
      {unsynced !== null && unsynced > 0 ? (
        <div className="banner banner--warning" role="alert">
          <p>
            <strong>
              {unsynced} {unsynced === 1 ? 'outcome has' : 'outcomes have'} not reached the server.
            </strong>{' '}
            If you sign out now {unsynced === 1 ? 'it' : 'they'} will be deleted from this phone and lost. Connect to the internet and try again, or stay signed
            in.
          </p>
          <button type="button" className="button" onClick={() => void onSignOut(false)} disabled={busy}>
            Try to sync and sign out
          </button>
          <button type="button" className="button button--secondary" onClick={onSaveUnsynced}>
            Save them to a file first
          </button>
          <button type="button" className="button button--warning" onClick={() => void onSignOut(true)} disabled={busy}>
            Delete {unsynced} unsynced and sign out
          </button>
        </div>
      ) : (
        <>
          {waiting > 0 && (
            <p className="muted">
              {waiting} {waiting === 1 ? 'outcome is' : 'outcomes are'} waiting to sync; Fieldbook will try to send {waiting === 1 ? 'it' : 'them'} first.
            </p>
          )}
          <button type="button" className="button button--secondary" onClick={() => void onSignOut(false)} disabled={busy}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </>
      )}
      {error && <p className="error-message">{error}</p>}
    </>
  );
}
