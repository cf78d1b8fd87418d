import { Route, Routes } from 'react-router';
import { lazyScreen } from './pwa/lazy-screen';
import { NotFoundScreen } from './ui/screens/NotFoundScreen';

/*
 * The routes of the desk: what coordinators run (plans, reviews, team, audit), what viewers read
 * (progress, reports), and a partnership's settings. Its own chunk, loaded by App's last route,
 * so the officer's first load carries neither these screens nor their route table. Each screen
 * is a chunk of its own as well. A route the user's role may not open answers "not found".
 */
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
const PartnershipSettingsScreen = lazyScreen(() => import('./ui/settings/PartnershipSettingsScreen'));
const ReportDetailsScreen = lazyScreen(() => import('./ui/settings/ReportDetailsScreen'));

export default function DeskRoutes({ coordinator, reports }: { coordinator: boolean; reports: boolean }) {
  return (
    <Routes>
      <Route path="/settings" element={<PartnershipSettingsScreen />} />
      <Route path="/settings/report-details" element={<ReportDetailsScreen />} />
      <Route path="/progress" element={reports ? <ProgressScreen /> : <NotFoundScreen />} />
      <Route path="/progress/outcomes" element={reports ? <OutcomesBehindScreen /> : <NotFoundScreen />} />
      <Route path="/plans" element={coordinator ? <PlansScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId" element={coordinator ? <ManagePlanScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/import" element={coordinator ? <ImportPlanScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/review/:quarterStart" element={coordinator ? <QuarterReviewScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/reports/quarter/:quarterStart" element={reports ? <QuarterReportScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/reports/outcomes" element={reports ? <OutcomesExportScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/reports/pcc" element={coordinator ? <FundReturnScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/reports/pcc/:stage" element={reports ? <FundReturnReportScreen /> : <NotFoundScreen />} />
      <Route path="/reports" element={reports ? <ReportsScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/actions/:actionId" element={coordinator ? <EditActionScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/actions/:actionId/measures/new" element={coordinator ? <EditMeasureScreen /> : <NotFoundScreen />} />
      <Route path="/plans/:planId/measures/:measureId" element={coordinator ? <EditMeasureScreen /> : <NotFoundScreen />} />
      <Route path="/partnerships/:partnershipId/team" element={coordinator ? <TeamScreen /> : <NotFoundScreen />} />
      <Route path="/partnerships/:partnershipId/audit" element={coordinator ? <AuditLogScreen /> : <NotFoundScreen />} />
      <Route path="/partnerships/:partnershipId/outcomes/:outcomeId/history" element={coordinator ? <OutcomeHistoryScreen /> : <NotFoundScreen />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
