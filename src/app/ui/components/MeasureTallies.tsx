import type { MeasureView } from '../../data/plan-queries';

/** Each measure with what has been logged toward it, split by town, waiting outcomes marked. */
export function MeasureTallies({ measures }: { measures: MeasureView[] }) {
  if (measures.length === 0) return <p className="muted">This action has no measures.</p>;
  return (
    <ol className="measures">
      {measures.map(({ measure, tally }) => (
        <li key={measure.id} className="measure">
          <p className="measure__text">{measure.text}</p>
          <p className="measure__tally" data-testid="measure-tally">
            <strong>{tally.total}</strong> {measure.tally.kind === 'sum' ? measure.tally.unit : tally.total === 1 ? 'outcome' : 'outcomes'}
            {tally.pendingTotal > 0 && <span className="tag tag--waiting">{tally.pendingTotal} waiting to sync</span>}
          </p>
          {tally.byTown.length > 0 && (
            <ul className="town-chips" aria-label="By town">
              {tally.byTown.map((t) => (
                <li key={t.town ?? '-'}>
                  {t.town ?? 'Not town-specific'}: {t.total}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
