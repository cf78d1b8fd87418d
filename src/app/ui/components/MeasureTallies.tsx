import type { MeasureView } from '../../data/action-detail';
import { outcomeType } from '../../../domain/outcome-types/catalogue';
import { labelFor } from '../../../domain/outcome-types/format';

/**
 * Each measure with what has been logged toward it: its figures (the first against the target,
 * when there is one), split by area, outcomes still waiting to sync counted and marked.
 */
export function MeasureTallies({ measures }: { measures: MeasureView[] }) {
  if (measures.length === 0) return <p className="muted">This action has no measures.</p>;
  return (
    <ol className="measures">
      {measures.map(({ measure, tally }) => {
        const [head, ...rest] = tally.figures;
        return (
          <li key={measure.id} className="measure" data-testid={`measure-${measure.position}`}>
            <p className="measure__text">{measure.text}</p>
            <p className="caption">Counts {outcomeType(measure.tally.outcomeType).label.toLowerCase()} outcomes</p>
            <p className="measure__tally" data-testid="measure-tally">
              {head && (
                <>
                  <strong>{head.display}</strong>
                  {measure.tally.target !== null && head.figure.kind !== 'latest' && ` of ${measure.tally.target}`}{' '}
                  {head.figure.kind === 'latest' ? '' : labelFor(head.figure.label, measure.tally.target ?? head.value)}
                </>
              )}
              {rest.map((f, i) => (
                <span key={i}>
                  {' · '}
                  <strong>{f.display}</strong> {f.figure.kind === 'latest' ? '' : labelFor(f.figure.label, f.value)}
                </span>
              ))}
              {tally.pendingCount > 0 && <span className="tag tag--waiting">{tally.pendingCount} waiting to sync</span>}
            </p>
            {head && head.byTown.length > 0 && (
              <ul className="town-chips" aria-label="By area">
                {head.byTown.map((t) => (
                  <li key={t.town ?? '-'}>
                    {t.town ?? 'Not about one area'}: {t.value}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
