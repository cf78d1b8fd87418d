import { Link } from 'react-router';
import { DEFAULT_PARTNERSHIP_DETAILS } from '../../../domain/partnership-details';
import type { Partnership } from '../../../domain/plan';

/** What prints on a partnership's reports, in brief, with the way to change it: for the settings overview. */
export function ReportDetailsSummary({ partnership }: { partnership: Partnership }) {
  const d = partnership.details ?? DEFAULT_PARTNERSHIP_DETAILS;
  return (
    <section aria-labelledby={`report-details-${partnership.id}`}>
      <h2 id={`report-details-${partnership.id}`}>What prints on reports</h2>
      <dl className="summary-list">
        <div>
          <dt>Full name</dt>
          <dd>{partnership.name}</dd>
        </div>
        <div>
          <dt>Protective marking</dt>
          <dd>{d.protectiveMarking || 'None'}</dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>{[d.contactEmail, d.contactPhone].filter(Boolean).join(' · ') || 'Not set: the public pages say to ask the partnership’s coordinator'}</dd>
        </div>
        <div>
          <dt>Data controller</dt>
          <dd>{d.dataController || 'Not set'}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/settings/report-details?partnership=${encodeURIComponent(partnership.id)}`}>Change what prints on reports</Link>
      </p>
    </section>
  );
}
