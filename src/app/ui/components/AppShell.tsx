import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { SyncStatusBar } from './SyncStatusBar';

// Rare, so off the first load: plan-change notices and the notice that the browser cleared
// Fieldbook's storage are read from the device once the shell is up.
const PlanNotices = lazy(() => import('./PlanNotices'));
const LostDataNotice = lazy(() => import('./LostDataNotice'));

export interface NavItem {
  to: string;
  label: string;
}

/** Header with the sync status, the screen, and a bottom tab bar within thumb reach. */
export function AppShell({ nav, children }: { nav: NavItem[]; children: ReactNode }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <div className="header__bar">
          <Link className="header__title" to="/">
            Fieldbook
          </Link>
          <Link className="header__account" to="/account">
            Account
          </Link>
        </div>
        <SyncStatusBar />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={null}>
          <LostDataNotice />
          <PlanNotices />
        </Suspense>
        {children}
      </main>
      <nav className="tabbar" aria-label="Main">
        {nav.map((item) => (
          <NavLink key={item.to} to={item.to} end={item.to === '/'} className="tabbar__item">
            {item.label}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
