import { useInstallOffer } from '../../pwa/install-hooks';
import InstallBanner from './InstallBanner';
import IosInstallGuide from './IosInstallGuide';
import './install-offer.css';

// Both in this chunk (itself off the first load), not each in its own: one loaded after "My
// actions" was drawn pushed the whole page down by its height (Lighthouse's layout shift 0.31, the "Lighthouse" benchmark).

/** Install help for a signed-in officer: Chromium's install button, or the iOS guide. */
export default function InstallOffer() {
  const { offer, install, dismiss } = useInstallOffer();
  if (!offer) return null;
  return offer === 'prompt' ? <InstallBanner onInstall={() => void install()} onDismiss={dismiss} /> : <IosInstallGuide onDismiss={dismiss} />;
}
