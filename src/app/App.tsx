import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isCoordinator, mayReadReports, mayWrite } from '../domain/roles';
import { AppServicesProvider } from './services/AppServicesProvider';
import { useSession } from './session/session-hooks';
import { useOptionalUserServices } from './services/services-context';
import { AppShell, type NavItem } from './ui/components/AppShell';
import { Loading } from './ui/components/Loading';
import { UpdateBanner } from './ui/components/UpdateBanner';
import { LockScreen } from './ui/components/LockScreen';
import { useIdleLock } from './session/session-hooks';
import { MyActionsScreen } from './ui/screens/MyActionsScreen';
import { NotFoundScreen } from './ui/screens/NotFoundScreen';
import { ScreenErrorBoundary } from './ui/components/ScreenErrorBoundary';
import { RouteErrorBoundary } from './ui/components/RouteErrorBoundary';
import { lazyScreen } from './pwa/lazy-screen';

/*
 * Split by route. The first load is the shell, sync and "My actions", the screen an officer
 * opens; every other screen is its own chunk, fetched on first use. The service worker precaches
 * all chunks, so they open offline too. Coordinator code is never fetched by an officer.
 * lazyScreen reloads into the new version when a deployment has removed a screen's file.
 */
const SignInScreen = lazyScreen(() => import('./ui/screens/SignInScreen').then((m) => ({ default: m.SignInScreen })));
const PlanScreen = lazyScreen(() => import('./ui/screens/PlanScreen').then((m) => ({ default: m.PlanScreen })));
const SearchScreen = lazyScreen(() => import('./ui/screens/SearchScreen').then((m) => ({ default: m.SearchScreen })));
const ActionScreen = lazyScreen(() => import('./ui/screens/ActionScreen').then((m) => ({ default: m.ActionScreen })));
const LogOutcomeScreen = lazyScreen(() => import('./ui/screens/LogOutcomeScreen').then((m) => ({ default: m.LogOutcomeScreen })));
const ChooseActionScreen = lazyScreen(() => import('./ui/screens/ChooseActionScreen').then((m) => ({ default: m.ChooseActionScreen })));
const NeedsAttentionScreen = lazyScreen(() => import('./ui/screens/NeedsAttentionScreen').then((m) => ({ default: m.NeedsAttentionScreen })));
const AccountScreen = lazyScreen(() => import('./ui/screens/AccountScreen').then((m) => ({ default: m.AccountScreen })));
const EditOutcomeScreen = lazyScreen(() => import('./ui/screens/EditOutcomeScreen').then((m) => ({ default: m.EditOutcomeScreen })));
const MyOutcomesScreen = lazyScreen(() => import('./ui/screens/MyOutcomesScreen').then((m) => ({ default: m.MyOutcomesScreen })));
const PlacesScreen = lazyScreen(() => import('./ui/screens/PlacesScreen').then((m) => ({ default: m.PlacesScreen })));
const AddPlaceScreen = lazyScreen(() => import('./ui/screens/AddPlaceScreen').then((m) => ({ default: m.AddPlaceScreen })));
// Said once in a user's life on a phone: off the first load. Missing after a deployment, it just
// stays unsaid (nothing to reload for).
const OfflineReadyNotice = lazy(() =>
  import('./ui/components/OfflineReadyNotice').then(
    (m) => ({ default: m.OfflineReadyNotice }),
    () => ({ default: () => null }),
  ),
);
const ShareScreen = lazyScreen(() => import('./ui/screens/ShareScreen').then((m) => ({ default: m.ShareScreen })));
// The accessibility statement and privacy notice: readable before sign-in, and offline (precached like every chunk).
const PublicPage = lazyScreen(() => import('./ui/public/PublicPage'));
// The desk's screens (progress, plans, reports, team, settings) and their routes: one chunk an
// officer's phone never fetches unless it opens an address no officer screen answers.
const DeskRoutes = lazyScreen(() => import('./DeskRoutes'));
const ChangePasswordScreen = lazyScreen(() => import('./ui/screens/ChangePasswordScreen').then((m) => ({ default: m.ChangePasswordScreen })));

export function App() {
  return (
    <AppServicesProvider>
      <BrowserRouter>
        <UpdateBanner />
        <AppRoutes />
      </BrowserRouter>
    </AppServicesProvider>
  );
}

/** Exported for tests, which render it inside their own services and router. */
export function AppRoutes() {
  const session = useSession();
  const userServices = useOptionalUserServices();
  if (session.status === 'signed-out') {
    return (
      <ScreenErrorBoundary>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/accessibility" element={<PublicPage />} />
            <Route path="/privacy" element={<PublicPage />} />
            <Route path="*" element={<SignInScreen />} />
          </Routes>
        </Suspense>
      </ScreenErrorBoundary>
    );
  }
  // A temporary password from a coordinator: their own password first, before anything opens.
  if (session.user.mustChangePassword) {
    return (
      <ScreenErrorBoundary>
        <Suspense fallback={<Loading />}>
          <ChangePasswordScreen firstPassword />
        </Suspense>
      </ScreenErrorBoundary>
    );
  }
  // The user's database opens in the same tick; this is a frame, not a wait for the network.
  if (!userServices) return <Loading />;
  const { memberships } = userServices.user;
  return (
    <SignedInApp
      coordinator={isCoordinator(userServices.user)}
      reports={memberships.some((m) => mayReadReports(m.role))}
      writes={memberships.some((m) => mayWrite(m.role))}
    />
  );
}

/**
 * `reports`: the progress and report screens (coordinators and viewers). `writes`: false for a
 * viewer everywhere (decision 42), who gets progress, the plan and reports, and nothing that logs.
 */
function SignedInApp({ coordinator, reports, writes }: { coordinator: boolean; reports: boolean; writes: boolean }) {
  const locked = useIdleLock().state.status !== 'unlocked';
  const nav: NavItem[] = writes
    ? [
        { to: '/', label: 'My actions' },
        { to: '/plan', label: 'Plan' },
        { to: '/search', label: 'Search' },
        coordinator ? { to: '/progress', label: 'Progress' } : { to: '/log', label: 'Log' },
        { to: '/places', label: 'Places' },
        { to: '/outcomes', label: 'Outcomes' },
      ]
    : [
        { to: '/progress', label: 'Progress' },
        { to: '/plan', label: 'Plan' },
        { to: '/reports', label: 'Reports' },
      ];
  return (
    <>
      <div inert={locked}>
        <AppShell nav={nav}>
          <Suspense fallback={null}>
            <OfflineReadyNotice />
          </Suspense>
          <RouteErrorBoundary>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={writes ? <MyActionsScreen /> : <Navigate to="/progress" replace />} />
                <Route path="/my-actions" element={<Navigate to="/" replace />} />
                <Route path="/plan" element={<PlanScreen />} />
                <Route path="/search" element={<SearchScreen />} />
                <Route path="/log" element={writes ? <ChooseActionScreen /> : <NotFoundScreen />} />
                <Route path="/actions/:actionId" element={<ActionScreen />} />
                <Route path="/actions/:actionId/log" element={writes ? <LogOutcomeScreen /> : <NotFoundScreen />} />
                <Route path="/outcomes" element={<MyOutcomesScreen />} />
                <Route path="/outcomes/:outcomeId/edit" element={writes ? <EditOutcomeScreen /> : <NotFoundScreen />} />
                <Route path="/attention" element={<NeedsAttentionScreen />} />
                <Route path="/places" element={<PlacesScreen />} />
                <Route path="/places/new" element={writes ? <AddPlaceScreen /> : <NotFoundScreen />} />
                <Route path="/share" element={writes ? <ShareScreen /> : <NotFoundScreen />} />
                <Route path="/account" element={<AccountScreen />} />
                <Route path="/sign-in" element={<SignInScreen />} />
                <Route path="/account/password" element={<ChangePasswordScreen />} />
                <Route path="/accessibility" element={<PublicPage />} />
                <Route path="/privacy" element={<PublicPage />} />
                <Route path="*" element={<DeskRoutes coordinator={coordinator} reports={reports} />} />
              </Routes>
            </Suspense>
          </RouteErrorBoundary>
        </AppShell>
      </div>
      <LockScreen />
    </>
  );
}
