import { Link } from 'react-router';
import { hasCoordinatorRights, isCoordinator } from '../../../../domain/roles';
import type { SessionUser } from '../../../../domain/user';
import { administersPartnership } from '../../../../domain/partnership-access';

/** The team and audit log of each partnership this user coordinates, and its settings for its administrators; nothing for an officer. */
export function PartnershipAdministration({ user }: { user: SessionUser }) {
  if (!isCoordinator(user)) return null;
  const coordinatorOf = user.memberships.filter((m) => hasCoordinatorRights(m.role));
  return (
    <>
      <h2>Partnership administration</h2>
      <ul className="link-list">
        {coordinatorOf.map((m) => (
          <li key={m.partnershipId}>
            {m.partnershipName}: <Link to={`/partnerships/${m.partnershipId}/team`}>team</Link> ·{' '}
            <Link to={`/partnerships/${m.partnershipId}/audit`}>audit log</Link>
            {administersPartnership(user, m.partnershipId) && (
              <>
                {' '}
                · <Link to={`/settings?partnership=${m.partnershipId}`}>settings</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
