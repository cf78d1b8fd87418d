import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { hasCoordinatorRights, isCoordinator, ROLE_LABEL } from '../../../domain/roles';
import { useSignOut } from '../../session/session-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { useWaitingCount } from '../../data/outbox-hooks';
import { useExportUnsynced } from '../../data/export-hooks';
import { saveFile } from '../save-file';
import { useStorageStatus } from '../../pwa/storage-hooks';
import { buildInfo } from '../../build-info';
import { useDeviceContents } from '../../data/device-contents-hooks';
import { formatDate } from '../format-date';
import { describeError } from '../describe-error';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function AccountScreen() {
  const user = useCurrentUser();
  const waiting = useWaitingCount() ?? 0;
  const storage = useStorageStatus();
  const contents = useDeviceContents();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const exportFile = useExportUnsynced();
  const [exported, setExported] = useState<string | null>(null);

  async function onExport() {
    const file = await exportFile();
    if (!file) return setExported('Nothing is waiting to sync.');
    saveFile(file.fileName, file.text);
    setExported(`Saved ${file.count} unsynced ${file.count === 1 ? 'change' : 'changes'} to ${file.fileName}. Give the file to your coordinator to import.`);
  }

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

  const coordinatorOf = user.memberships.filter((m) => hasCoordinatorRights(m.role));
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
            <dt>{ROLE_LABEL[m.role]}</dt>
            <dd>
              {m.partnershipName}
              <br />
              <span className="muted">{m.jobTitle}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to="/account/password">Change your password</Link>
      </p>
      {isCoordinator(user) && (
        <>
          <h2>Partnership administration</h2>
          <ul className="link-list">
            {coordinatorOf.map((m) => (
              <li key={m.partnershipId}>
                {m.partnershipName}: <Link to={`/partnerships/${m.partnershipId}/team`}>team</Link> ·{' '}
                <Link to={`/partnerships/${m.partnershipId}/audit`}>audit log</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>This phone</h2>
      {contents && (
        <dl className="summary-list" data-testid="device-contents">
          <div>
            <dt>Plans</dt>
            <dd>{contents.plans}</dd>
          </div>
          <div>
            <dt>Actions</dt>
            <dd>{contents.actions}</dd>
          </div>
          <div>
            <dt>Outcomes</dt>
            <dd>
              {contents.outcomes}
              {contents.outcomesWaiting > 0 && `, ${contents.outcomesWaiting} waiting to sync`}
            </dd>
          </div>
          <div>
            <dt>Photos</dt>
            <dd>
              {contents.photos} ({mb(contents.photoBytes)}){contents.photosWaiting > 0 && `, ${contents.photosWaiting} waiting to upload`}
            </dd>
          </div>
          <div>
            <dt>Storage used</dt>
            <dd>{storage === undefined ? 'Checking…' : storage.usageBytes == null ? 'Not reported by this browser' : mb(storage.usageBytes)}</dd>
          </div>
          <div>
            <dt>Storage kept</dt>
            <dd data-testid="storage-persistent">
              {storage === undefined ? 'Checking…' : storage.persisted ? 'Yes: the browser will not clear it' : 'No: the browser may clear it'}
            </dd>
          </div>
        </dl>
      )}
      <p data-testid="storage-status">
        {storage === undefined
          ? 'Checking storage…'
          : storage.persisted
            ? 'Your records are kept on this phone until you sign out.'
            : 'The browser may clear records on this phone if space runs low. Install Fieldbook to the home screen to keep them safe.'}
      </p>
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
          <button type="button" className="button button--secondary" onClick={() => void onExport()}>
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
      {waiting > 0 && (
        <>
          <h2>Records that cannot sync</h2>
          <p>If this phone cannot reach the server for a long time, or must be handed in, save what is waiting to a file and give it to your coordinator.</p>
          <button type="button" className="button button--secondary" onClick={() => void onExport()}>
            Save unsynced records to a file
          </button>
        </>
      )}
      {exported && (
        <p className="muted" role="status">
          {exported}
        </p>
      )}
      <h2>About</h2>
      <dl className="summary-list" data-testid="build-info">
        <div>
          <dt>Version</dt>
          <dd>{buildInfo.version}</dd>
        </div>
        <div>
          <dt>Built</dt>
          <dd>
            {formatDate(buildInfo.builtAt.slice(0, 10))}, {buildInfo.builtAt.slice(11, 16)} UTC
          </dd>
        </div>
      </dl>
    </div>
  );
}
