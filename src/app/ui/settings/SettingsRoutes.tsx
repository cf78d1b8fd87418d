import { Route, Routes } from 'react-router';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { PartnershipSettingsScreen } from './PartnershipSettingsScreen';

/**
 * Everything under /settings, loaded on first use (one route in the app's first load, whatever is
 * added here). The screens themselves offer nothing to anyone but the partnership's administrators.
 */
export default function SettingsRoutes() {
  return (
    <Routes>
      <Route index element={<PartnershipSettingsScreen />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
