import { Link } from 'react-router';
import { useNeedsAttention } from '../../data/outbox-hooks';
import { useChangeOutcome } from '../../data/outcome-hooks';
import { useDiscardPlace, useRefusedPlaces } from '../../data/place-hooks';
import { Loading } from '../components/Loading';
import { formatDate } from '../format-date';
import { ConfirmButton } from '../components/ConfirmButton';

const WHAT: Record<string, string> = { 'outcome.create': 'New outcome', 'outcome.update': 'Change', 'outcome.delete': 'Deletion' };

/**
 * What the server refused, with its reasons. Each stays on the phone until the officer fixes and
 * sends it again, or discards it on purpose: nothing is dropped silently.
 */
export function NeedsAttentionScreen() {
  const rejected = useNeedsAttention();
  const places = useRefusedPlaces();
  const discardPlace = useDiscardPlace();
  const { discard } = useChangeOutcome();
  if (!rejected || !places) return <Loading />;
  return (
    <div className="page">
      <h1>Needs attention</h1>
      {places.length > 0 && (
        <>
          <h2>Places</h2>
          <ul className="outcomes" data-testid="refused-places">
            {places.map((p) => (
              <li key={p.id} className="outcome">
                <div className="outcome__head">
                  <span>
                    {p.name}, {p.town}
                  </span>
                  <span className="tag tag--rejected">Needs attention</span>
                </div>
                <p className="error-message">{p.rejection?.message ?? 'Refused by the server'}</p>
                {p.rejection?.fieldErrors.map((f) => (
                  <p key={f.path} className="muted">
                    {f.path}: {f.message}
                  </p>
                ))}
                <p className="outcome__actions">
                  <ConfirmButton label="Discard" confirmLabel="Discard this place" onConfirm={() => discardPlace(p.id)} />
                </p>
              </li>
            ))}
          </ul>
          <h2>Outcomes</h2>
        </>
      )}
      {rejected.length === 0 ? (
        <p>Nothing needs attention. Every outcome on this phone was accepted or is waiting to sync.</p>
      ) : (
        <>
          <p>The server did not accept these. They are kept on this phone until you fix and send them again, or discard them.</p>
          <ul className="outcomes">
            {rejected.map((o) => (
              <li key={o.id} className="outcome">
                <div className="outcome__head">
                  <span>
                    {WHAT[o.rejection?.kind ?? ''] ?? 'Outcome'} · {formatDate(o.occurredOn)}
                  </span>
                  <span className="tag tag--rejected">Needs attention</span>
                </div>
                <p className="error-message">{o.rejection?.message ?? 'Refused by the server'}</p>
                {o.rejection?.fieldErrors.map((f) => (
                  <p key={f.path} className="muted">
                    {f.path}: {f.message}
                  </p>
                ))}
                <p className="outcome__actions">
                  {/* A change refused because the outcome was deleted meanwhile cannot be fixed, only discarded. */}
                  {o.rejection?.kind !== 'outcome.delete' && !o.server?.deletedAt && <Link to={`/outcomes/${o.id}/edit`}>Fix and send again</Link>}
                  {o.server?.deletedAt && <span className="muted">It was deleted meanwhile.</span>}
                  <ConfirmButton label="Discard" confirmLabel={o.server ? 'Undo my change' : 'Discard this outcome'} onConfirm={() => discard(o.id)} />
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
