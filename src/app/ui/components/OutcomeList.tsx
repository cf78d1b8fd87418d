import type { Measure } from '../../../domain/plan';
import type { LocalOutcome } from '../../data/types';
import { formatDate } from '../format-date';

const STATE_LABEL: Record<LocalOutcome['syncState'], string> = {
  pending: 'Waiting to sync',
  synced: 'Synced',
  rejected: 'Needs attention',
};

/** Outcomes with their sync state, so the officer can see exactly what has reached the server. */
export function OutcomeList({ outcomes, measures }: { outcomes: LocalOutcome[]; measures: Measure[] }) {
  if (outcomes.length === 0) return <p className="muted">Nothing logged yet.</p>;
  const measureText = new Map(measures.map((m) => [m.id, m.text]));
  return (
    <ul className="outcomes" data-testid="outcome-list">
      {outcomes.map((o) => (
        <li key={o.id} className="outcome">
          <div className="outcome__head">
            <span>{formatDate(o.occurredOn)}</span>
            <span className={`tag tag--${o.syncState}`}>{STATE_LABEL[o.syncState]}</span>
          </div>
          <p className="outcome__measure">
            {o.quantity !== null && <strong>{o.quantity} · </strong>}
            {measureText.get(o.measureId) ?? 'Measure no longer in the plan'}
          </p>
          <p className="muted">
            {o.town ?? 'Not town-specific'} · {o.authorName}
          </p>
          {o.notes && <p className="outcome__notes">{o.notes}</p>}
          {o.rejection && <p className="error-message">{o.rejection.message}</p>}
        </li>
      ))}
    </ul>
  );
}
