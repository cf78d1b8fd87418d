import './coordinator.css';
import { NavLink } from 'react-router';
import { isCoordinator } from '../../../domain/roles';
import { coordinatesPartnership } from '../../../domain/outcome-access';
import { useCurrentUser } from '../../session/use-current-user';

/**
 * The coordinator's own screens, side by side at the top of each: a desk job, unlike the officer's
 * tab bar. A viewer (decision 42) shares the progress and reports screens and gets these links
 * without what they may not open: the plans' editing, the team and the audit log.
 */
export function CoordinatorNav({ partnershipId }: { partnershipId: string | undefined }) {
  const me = useCurrentUser();
  const links = [
    { to: '/progress', label: 'Progress' },
    isCoordinator(me) ? { to: '/plans', label: 'Plans' } : { to: '/plan', label: 'Plan' },
    { to: '/reports', label: 'Reports' },
    ...(partnershipId && coordinatesPartnership(me, partnershipId)
      ? [
          { to: `/partnerships/${partnershipId}/team`, label: 'Team' },
          { to: `/partnerships/${partnershipId}/audit`, label: 'Audit log' },
        ]
      : []),
  ];
  return (
    <nav className="subnav" aria-label="Coordinator">
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} end className="subnav__item">
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
