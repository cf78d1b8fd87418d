import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSessionActions } from '../../session/session-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { useWaitingCount } from '../../data/outbox-hooks';
import { buildInfo } from '../../build-info';
import { describeError } from '../describe-error';

export function AccountScreen() {
  const user = useCurrentUser();
  const waiting = useWaitingCount() ?? 0;
  const { signOut } = useSessionActions();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  async function onSignOut() {
    try {
      await signOut();
      void navigate('/', { replace: true });
    } catch (e) {
      setError(describeError(e, 'Could not sign out. Try again.'));
    }
  }

  return (
    <div className="page">
      <h1>Account</h1>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
        {user.memberships.map((m) => (
          <div key={m.partnershipId}>
            <dt>{m.role === 'coordinator' ? 'Coordinator' : 'Officer'}</dt>
            <dd>
              {m.partnershipName}
              <br />
              <span className="muted">{m.jobTitle}</span>
            </dd>
          </div>
        ))}
      </dl>
      <h2>Sign out</h2>
      {waiting > 0 && (
        <div className="banner banner--warning">
          <p>
            {waiting} {waiting === 1 ? 'outcome has' : 'outcomes have'} not synced yet. {waiting === 1 ? 'It stays' : 'They stay'} on this phone and
            sync the next time you sign in here.
          </p>
        </div>
      )}
      {error && <p className="error-message">{error}</p>}
      <button type="button" className="button button--secondary" onClick={() => void onSignOut()}>
        Sign out
      </button>
      <h2>About</h2>
      <p className="muted">
        Fieldbook {buildInfo.version}, built {buildInfo.builtAt.slice(0, 10)}
      </p>
    </div>
  );
}
