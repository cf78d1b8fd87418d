import { Link } from 'react-router';
import { useSyncNow, useSyncStatus } from '../../sync/sync-hooks';
import { useNeedsAttention, useWaitingCount } from '../../data/outbox-hooks';
import { useSession } from '../../session/session-hooks';
import { formatTime, lazyDateFormat } from '../format-date';

const dayFormat = lazyDateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function formatSyncedAt(iso: string, now = new Date()): string {
  const d = new Date(iso);
  return d.toDateString() === now.toDateString() ? `today at ${formatTime(iso)}` : dayFormat().format(d);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Where this phone stands with the server, always in view: offline, syncing, how many outcomes
 * wait, when it last synced, or what went wrong. Announced politely to screen readers.
 */
export function SyncStatusBar() {
  const status = useSyncStatus();
  const waiting = useWaitingCount() ?? 0;
  const attention = useNeedsAttention()?.length ?? 0;
  const session = useSession();
  const syncNow = useSyncNow();
  const signInNeeded = session.status === 'signed-in' && session.signInNeeded;

  let tone: 'ok' | 'waiting' | 'problem' = waiting > 0 ? 'waiting' : 'ok';
  let text: string;
  if (signInNeeded) {
    tone = 'problem';
    text = waiting > 0 ? `Sign in again to sync ${plural(waiting, 'outcome', 'outcomes')}` : 'Sign in again to sync';
  } else if (!status.online || status.problem?.kind === 'offline') {
    text = waiting > 0 ? `Offline · ${plural(waiting, 'outcome', 'outcomes')} waiting to sync` : 'Offline · everything is saved on this phone';
  } else if (status.syncing) {
    text = waiting > 0 ? `Syncing ${plural(waiting, 'outcome', 'outcomes')}…` : 'Syncing…';
  } else if (status.problem) {
    tone = 'problem';
    text = `Not synced: ${status.problem.message}${status.retryAt ? ' Trying again soon.' : ''}`;
  } else if (waiting > 0) {
    text = `${plural(waiting, 'outcome', 'outcomes')} waiting to sync`;
  } else {
    text = status.lastSyncedAt ? `All synced · ${formatSyncedAt(status.lastSyncedAt)}` : 'Not synced yet';
  }
  if (waiting > 0 && status.lastSyncedAt && !status.syncing && !signInNeeded) text += ` · last synced ${formatSyncedAt(status.lastSyncedAt)}`;

  return (
    <div className={`sync-status sync-status--${tone}`} data-testid="sync-status">
      <p className="sync-status__text" role="status" aria-live="polite">
        {text}
      </p>
      {attention > 0 && (
        <Link className="sync-status__attention" to="/attention">
          {plural(attention, 'needs', 'need')} attention
        </Link>
      )}
      {signInNeeded ? (
        <Link className="button button--small" to="/sign-in">
          Sign in
        </Link>
      ) : (
        <button type="button" className="button button--small button--secondary" onClick={() => void syncNow()} disabled={status.syncing || !status.online}>
          Sync now
        </button>
      )}
    </div>
  );
}
