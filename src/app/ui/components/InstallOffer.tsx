import { lazy, Suspense } from 'react';
import { useInstallOffer } from '../../pwa/install-hooks';

// Most officers see neither, and never again once installed: both stay off the first load.
const InstallBanner = lazy(() => import('./InstallBanner'));
const IosInstallGuide = lazy(() => import('./IosInstallGuide'));

/** Install help for a signed-in officer: Chromium's install button, or the iOS guide. */
export function InstallOffer() {
  const { offer, install, dismiss } = useInstallOffer();
  if (!offer) return null;
  return (
    <Suspense fallback={null}>
      {offer === 'prompt' ? <InstallBanner onInstall={() => void install()} onDismiss={dismiss} /> : <IosInstallGuide onDismiss={dismiss} />}
    </Suspense>
  );
}
