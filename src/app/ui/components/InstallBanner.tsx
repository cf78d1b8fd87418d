/** GOV.UK notification-banner pattern: a titled region, one action, and a way to say no. */
export default function InstallBanner({ onInstall, onDismiss }: { onInstall: () => void; onDismiss: () => void }) {
  return (
    <section className="install-offer" aria-labelledby="install-offer-title">
      <h2 className="install-offer__title" id="install-offer-title">
        Install Fieldbook on this device
      </h2>
      <p>It opens from your home screen like any other app, keeps what you log safe on this device and works without signal.</p>
      <div className="install-offer__actions">
        <button type="button" className="button" onClick={onInstall}>
          Install Fieldbook
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Not now
        </button>
      </div>
    </section>
  );
}
