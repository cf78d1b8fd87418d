import { lazy, Suspense } from 'react';
import { useInstallOffer } from '../../pwa/install-hooks';
import './install-offer.css';

// Each is only for some browsers: loaded when it is to be shown.
const InstallBanner = lazy(() => import('./InstallBanner'));
const IosInstallGuide = lazy(() => import('./IosInstallGuide'));

/** Install help for a signed-in officer: Chromium's install button, or the iOS guide. */
export default function InstallOffer() {
  const { offer, install, dismiss } = useInstallOffer();
  if (!offer) return null;
  return (
    <Suspense fallback={null}>
      {offer === 'prompt' ? <InstallBanner onInstall={() => void install()} onDismiss={dismiss} /> : <IosInstallGuide onDismiss={dismiss} />}
    </Suspense>
  );
}
