import { useWaitingCount } from '../../data/outbox-hooks';

/**
 * Safari on iPhone and iPad has no install prompt: the officer has to add Fieldbook to the Home
 * Screen from the Share menu. The reason given is the one that matters on iOS: Safari may clear
 * a website's storage after seven days unused; a Home Screen app keeps its own.
 */
export default function IosInstallGuide({ onDismiss }: { onDismiss: () => void }) {
  const waiting = useWaitingCount() ?? 0;
  return (
    <section className="install-offer" aria-labelledby="ios-install-title" data-testid="ios-install-guide">
      <h2 className="install-offer__title" id="ios-install-title">
        Add Fieldbook to your Home Screen
      </h2>
      <p>
        Safari can clear a website’s saved data when it has not been opened for a week. Added to your Home Screen, Fieldbook keeps what you log and opens
        without signal.
      </p>
      <ol className="install-steps" role="list">
        <li>
          <ShareIcon />
          <span>
            Tap <strong>Share</strong> in Safari’s toolbar (at the bottom of the screen on an iPhone, at the top on an iPad).
          </span>
        </li>
        <li>
          <AddToHomeIcon />
          <span>
            Scroll down the list and tap <strong>Add to Home Screen</strong>.
          </span>
        </li>
        <li>
          <AppIcon />
          <span>
            Tap <strong>Add</strong>, then open Fieldbook from your Home Screen and sign in there.
          </span>
        </li>
      </ol>
      {waiting > 0 && (
        <p className="install-offer__warning">
          The Home Screen app has storage of its own. {waiting === 1 ? 'One record is' : `${waiting} records are`} still waiting on this page: let them sync
          here (with signal) before you switch.
        </p>
      )}
      <button type="button" className="button button--secondary" onClick={onDismiss}>
        Not now
      </button>
    </section>
  );
}

// Drawn after iOS's own symbols, so the officer recognises what to look for.
function ShareIcon() {
  return (
    <svg className="install-steps__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M17 19h-5v23h24V19h-5" fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round" />
      <path d="M24 6v24M16 13l8-8 8 8" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function AddToHomeIcon() {
  return (
    <svg className="install-steps__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect x="8" y="8" width="32" height="32" rx="7" fill="none" stroke="currentColor" strokeWidth="3" />
      <path d="M24 16v16M16 24h16" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

function AppIcon() {
  return (
    <svg className="install-steps__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect x="4" y="4" width="40" height="40" rx="9" fill="#0b3d5c" />
      <rect x="15" y="11" width="18" height="26" rx="2" fill="#fff" />
      <path d="M20 25l3 3 6-7" fill="none" stroke="#0b3d5c" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
