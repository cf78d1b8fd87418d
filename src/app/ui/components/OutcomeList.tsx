import { Link } from 'react-router';
import { summariseOutcome } from '../../../domain/outcome-types/summary';
import type { LocalOutcome } from '../../data/types';
import { formatDate } from '../format-date';
import { ConfirmButton } from './ConfirmButton';

/** Where each record stands, in the officer's words. */
export function recordStatus(o: Pick<LocalOutcome, 'syncState'>, syncing: boolean): { label: string; tone: string } {
  if (o.syncState === 'rejected') return { label: 'Needs attention', tone: 'rejected' };
  if (o.syncState === 'pending') return syncing ? { label: 'Syncing…', tone: 'pending' } : { label: 'Saved on this phone', tone: 'pending' };
  return { label: 'Synced', tone: 'synced' };
}

/** Outcomes with their sync state, so the officer can see exactly what has reached the server. */
export function OutcomeList({
  outcomes,
  syncing,
  canChange,
  historyLink,
  canRepeat,
  onDelete,
}: {
  outcomes: LocalOutcome[];
  syncing: boolean;
  canChange: (o: LocalOutcome) => boolean;
  /** Coordinators get a link to each outcome's change history. */
  historyLink?: (o: LocalOutcome) => string | undefined;
  onDelete: (id: string) => Promise<void>;
  /** The officer's own outcomes can be the start of the next one. */
  canRepeat?: (o: LocalOutcome) => boolean;
}) {
  if (outcomes.length === 0) return <p className="muted">Nothing logged yet.</p>;
  return (
    <ul className="outcomes" data-testid="outcome-list">
      {outcomes.map((o) => {
        const status = recordStatus(o, syncing);
        const history = historyLink?.(o);
        return (
          <li key={o.id} className="outcome" data-testid={`outcome-${o.id}`}>
            <div className="outcome__head">
              <span>{formatDate(o.occurredOn)}</span>
              <span className={`tag tag--${status.tone}`}>{status.label}</span>
            </div>
            <p className="outcome__measure">{summariseOutcome(o.type, o.details)}</p>
            <p className="muted">
              {o.town ?? 'Not town-specific'} · {o.authorName}
            </p>
            {o.notes && <p className="outcome__notes">{o.notes}</p>}
            {canRepeat?.(o) && (
              <p className="outcome__actions">
                <Link to={`/actions/${o.actionId}/log?again=${o.id}`}>Log another like this</Link>
              </p>
            )}
            {o.rejection && <p className="error-message">{o.rejection.message}</p>}
            {(canChange(o) || history) && (
              <p className="outcome__actions">
                {canChange(o) && <Link to={`/outcomes/${o.id}/edit`}>{o.syncState === 'rejected' ? 'Fix and send again' : 'Change'}</Link>}
                {canChange(o) && <ConfirmButton label="Delete" confirmLabel="Delete it" onConfirm={() => onDelete(o.id)} />}
                {history && <Link to={history}>History</Link>}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
