import { Link } from 'react-router';
import type { RecentOutcome } from '../../data/recent-outcomes';
import { summariseOutcome } from '../../../domain/outcome-types/summary';
import { areaNameOf } from '../../../domain/area-name';
import { useAreasById } from '../../data/area-hooks';

/**
 * "Log again" on the home screen: the officer's last few kinds of outcome, each one tap from a
 * form filled in like it (today's date, no notes). Loaded after the first paint with the
 * catalogue it needs, so the first screen does not pay for it. The screen reads the outcomes
 * (useRecentOutcomes) and draws this with the rest of the page, so nothing moves once shown.
 */
export default function RecentOutcomes({ recent }: { recent: RecentOutcome[] }) {
  const areas = useAreasById();
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="log-again">
      <h2 id="log-again">Log again</h2>
      <ul className="action-list">
        {recent.map(({ outcome, actionRef }) => (
          <li key={outcome.id}>
            <Link className="action-card action-card--again" to={`/actions/${outcome.actionId}/log?again=${outcome.id}`}>
              <span className="action-card__meta">
                {actionRef && <span className="tag">Ref {actionRef}</span>}
                {outcome.town && <span>{areaNameOf(outcome, areas)}</span>}
              </span>
              <span className="action-card__text">{summariseOutcome(outcome.type, outcome.details, 1)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
