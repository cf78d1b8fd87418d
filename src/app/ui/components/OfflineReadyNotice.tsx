import { useOfflineReadyNotice } from '../../data/offline-ready-hooks';
import { useShellOffline } from '../../pwa/update-hooks';

/** Said once, when the app and the officer's plan are both on the phone. */
export function OfflineReadyNotice() {
  const { show, dismiss } = useOfflineReadyNotice(useShellOffline());
  if (!show) return null;
  return (
    <div className="banner banner--success" role="status" data-testid="offline-ready">
      <p>Ready to work offline. Fieldbook and your plan are on this phone: you can log outcomes with no signal.</p>
      <button type="button" className="button button--small button--secondary" onClick={dismiss}>
        OK
      </button>
    </div>
  );
}
