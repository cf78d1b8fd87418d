import './coordinator.css';
import { NavLink } from 'react-router';

/** The coordinator's own screens, side by side at the top of each: a desk job, unlike the officer's tab bar. */
export function CoordinatorNav({ partnershipId }: { partnershipId: string | undefined }) {
  const links = [
    { to: '/progress', label: 'Progress' },
    { to: '/plans', label: 'Plans' },
    { to: '/reports', label: 'Reports' },
    ...(partnershipId
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
