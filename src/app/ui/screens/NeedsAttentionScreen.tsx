import { useNeedsAttention } from '../../data/outbox-hooks';
import { Loading } from '../components/Loading';
import { formatDate } from '../format-date';

/** Outcomes the server refused, with its reasons. They stay on the phone; nothing is dropped silently. */
export function NeedsAttentionScreen() {
  const rejected = useNeedsAttention();
  if (!rejected) return <Loading />;
  return (
    <div className="page">
      <h1>Needs attention</h1>
      {rejected.length === 0 ? (
        <p>Nothing needs attention. Every outcome on this phone was accepted or is waiting to sync.</p>
      ) : (
        <>
          <p>The server did not accept these outcomes. They are kept on this phone so nothing is lost. Tell your coordinator if you are not sure what to do.</p>
          <ul className="outcomes">
            {rejected.map((o) => (
              <li key={o.id} className="outcome">
                <div className="outcome__head">
                  <span>{formatDate(o.occurredOn)}</span>
                  <span className="tag tag--rejected">Needs attention</span>
                </div>
                <p className="error-message">{o.rejection?.message ?? 'Refused by the server'}</p>
                {o.rejection?.fieldErrors.map((f) => (
                  <p key={f.path} className="muted">
                    {f.path}: {f.message}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
