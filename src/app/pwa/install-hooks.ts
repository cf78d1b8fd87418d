import { useSyncExternalStore } from 'react';
import { installPrompt, type InstallOfferKind } from './install-store';

export function useInstallOffer(): { offer: InstallOfferKind | null; install: () => Promise<void>; dismiss: () => void } {
  const { offer } = useSyncExternalStore(installPrompt.subscribe, installPrompt.getSnapshot);
  return { offer, install: () => installPrompt.install(), dismiss: () => installPrompt.dismiss() };
}
