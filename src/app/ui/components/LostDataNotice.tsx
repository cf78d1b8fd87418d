import { useLostDeviceNotice } from '../../data/device-notice-hooks';
import { lazyDateFormat } from '../format-date';

const when = lazyDateFormat({ dateStyle: 'medium', timeStyle: 'short' });

/**
 * Shown when this browser's earlier Fieldbook data was found gone (cleared by the browser to
 * save space, or by hand). Honest about what is safe and what may be lost. Rare, so its own chunk
 * (AppShell), off the officer's first load.
 */
export default function LostDataNotice() {
  const { notice, dismiss } = useLostDeviceNotice();
  if (!notice) return null;
  return (
    <div className="banner banner--warning" role="alert" data-testid="lost-data-notice">
      <p>
        <strong>This browser cleared Fieldbook’s storage.</strong> Everything that had synced by {when().format(new Date(notice.lastSeenAt))} is safe on the
        server and is back on this phone. Anything logged here after that and not synced could not be kept: check with your records. Installing Fieldbook to the
        home screen makes this much less likely.
      </p>
      <button type="button" className="button button--small button--secondary" onClick={() => void dismiss()}>
        I understand
      </button>
    </div>
  );
}
