import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isCoordinator } from '../domain/roles';
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
const ProgressScreen = lazyScreen(() => import('./ui/coordinator/ProgressScreen'));
const TeamScreen = lazyScreen(() => import('./ui/coordinator/TeamScreen'));
const AuditLogScreen = lazyScreen(() => import('./ui/coordinator/AuditLogScreen'));
const OutcomeHistoryScreen = lazyScreen(() => import('./ui/coordinator/OutcomeHistoryScreen'));
const PlansScreen = lazyScreen(() => import('./ui/coordinator/PlansScreen'));
const ManagePlanScreen = lazyScreen(() => import('./ui/coordinator/ManagePlanScreen'));
const ImportPlanScreen = lazyScreen(() => import('./ui/coordinator/ImportPlanScreen'));
const EditActionScreen = lazyScreen(() => import('./ui/coordinator/EditActionScreen'));
const EditMeasureScreen = lazyScreen(() => import('./ui/coordinator/EditMeasureScreen'));
const OutcomesBehindScreen = lazyScreen(() => import('./ui/coordinator/OutcomesBehindScreen'));
const QuarterReviewScreen = lazyScreen(() => import('./ui/coordinator/QuarterReviewScreen'));
const QuarterReportScreen = lazyScreen(() => import('./ui/coordinator/QuarterReportScreen'));
const ReportsScreen = lazyScreen(() => import('./ui/coordinator/ReportsScreen'));
const OutcomesExportScreen = lazyScreen(() => import('./ui/coordinator/OutcomesExportScreen'));
const FundReturnScreen = lazyScreen(() => import('./ui/coordinator/FundReturnScreen'));
const FundReturnReportScreen = lazyScreen(() => import('./ui/coordinator/FundReturnReportScreen'));
const EditOutcomeScreen = lazyScreen(() => import('./ui/screens/EditOutcomeScreen').then((m) => ({ default: m.EditOutcomeScreen })));
const MyOutcomesScreen = lazyScreen(() => import('./ui/screens/MyOutcomesScreen').then((m) => ({ default: m.MyOutcomesScreen })));
const PlacesScreen = lazyScreen(() => import('./ui/screens/PlacesScreen').then((m) => ({ default: m.PlacesScreen })));
const AddPlaceScreen = lazyScreen(() => import('./ui/screens/AddPlaceScreen').then((m) => ({ default: m.AddPlaceScreen })));
const SettingsRoutes = lazyScreen(() => import('./ui/settings/SettingsRoutes'));
// Said once in a user's life on a phone: off the first load. Missing after a deployment, it just
// stays unsaid (nothing to reload for).
const OfflineReadyNotice = lazy(() =>
  import('./ui/components/OfflineReadyNotice').then(
    (m) => ({ default: m.OfflineReadyNotice }),
    () => ({ default: () => null }),
  ),
);
const ShareScreen = lazyScreen(() => import('./ui/screens/ShareScreen').then((m) => ({ default: m.ShareScreen })));
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
  return <SignedInApp coordinator={isCoordinator(userServices.user)} />;
}

function SignedInApp({ coordinator }: { coordinator: boolean }) {
  const locked = useIdleLock().state.status !== 'unlocked';
  const nav: NavItem[] = [
    { to: '/', label: 'My actions' },
    { to: '/plan', label: 'Plan' },
    { to: '/search', label: 'Search' },
    coordinator ? { to: '/progress', label: 'Progress' } : { to: '/log', label: 'Log' },
    { to: '/places', label: 'Places' },
    { to: '/outcomes', label: 'Outcomes' },
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
                <Route path="/" element={<MyActionsScreen />} />
                <Route path="/my-actions" element={<Navigate to="/" replace />} />
                <Route path="/plan" element={<PlanScreen />} />
                <Route path="/search" element={<SearchScreen />} />
                <Route path="/log" element={<ChooseActionScreen />} />
                <Route path="/actions/:actionId" element={<ActionScreen />} />
                <Route path="/actions/:actionId/log" element={<LogOutcomeScreen />} />
                <Route path="/outcomes" element={<MyOutcomesScreen />} />
                <Route path="/outcomes/:outcomeId/edit" element={<EditOutcomeScreen />} />
                <Route path="/attention" element={<NeedsAttentionScreen />} />
                <Route path="/places" element={<PlacesScreen />} />
                <Route path="/places/new" element={<AddPlaceScreen />} />
                <Route path="/share" element={<ShareScreen />} />
                <Route path="/account" element={<AccountScreen />} />
                <Route path="/sign-in" element={<SignInScreen />} />
                <Route path="/account/password" element={<ChangePasswordScreen />} />
                <Route path="/settings/*" element={<SettingsRoutes />} />
                <Route path="/progress" element={coordinator ? <ProgressScreen /> : <NotFoundScreen />} />
                <Route path="/progress/outcomes" element={coordinator ? <OutcomesBehindScreen /> : <NotFoundScreen />} />
                <Route path="/plans" element={coordinator ? <PlansScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId" element={coordinator ? <ManagePlanScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/import" element={coordinator ? <ImportPlanScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/review/:quarterStart" element={coordinator ? <QuarterReviewScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/reports/quarter/:quarterStart" element={coordinator ? <QuarterReportScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/reports/outcomes" element={coordinator ? <OutcomesExportScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/reports/pcc" element={coordinator ? <FundReturnScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/reports/pcc/:stage" element={coordinator ? <FundReturnReportScreen /> : <NotFoundScreen />} />
                <Route path="/reports" element={coordinator ? <ReportsScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/actions/:actionId" element={coordinator ? <EditActionScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/actions/:actionId/measures/new" element={coordinator ? <EditMeasureScreen /> : <NotFoundScreen />} />
                <Route path="/plans/:planId/measures/:measureId" element={coordinator ? <EditMeasureScreen /> : <NotFoundScreen />} />
                <Route path="/partnerships/:partnershipId/team" element={coordinator ? <TeamScreen /> : <NotFoundScreen />} />
                <Route path="/partnerships/:partnershipId/audit" element={coordinator ? <AuditLogScreen /> : <NotFoundScreen />} />
                <Route path="/partnerships/:partnershipId/outcomes/:outcomeId/history" element={coordinator ? <OutcomeHistoryScreen /> : <NotFoundScreen />} />
                <Route path="*" element={<NotFoundScreen />} />
              </Routes>
            </Suspense>
          </RouteErrorBoundary>
        </AppShell>
      </div>
      <LockScreen />
    </>
  );
}
