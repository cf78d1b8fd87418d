import { lazy } from 'react';
import { useLocation } from 'react-router';

const AccessibilityStatement = lazy(() => import('./AccessibilityStatement'));
const PrivacyNotice = lazy(() => import('./PrivacyNotice'));

/**
 * The pages anyone may read, signed in or not, by their path: one door from the router, so the
 * first load carries one lazy import for both (each page is still its own chunk, precached). A page
 * missing after a deployment falls to the route's error boundary, as this door itself is lazyScreen'd.
 */
export default function PublicPage() {
  return useLocation().pathname === '/privacy' ? <PrivacyNotice /> : <AccessibilityStatement />;
}
