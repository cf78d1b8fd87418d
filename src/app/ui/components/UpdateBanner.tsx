import { useUpdateReady } from '../../pwa/update-hooks';

/** A new version waits; it is applied only when the officer taps, never by itself. */
export function UpdateBanner() {
  const { updateReady, applyUpdate } = useUpdateReady();
  if (!updateReady) return null;
  return (
    <div className="banner banner--update" role="status">
      <p>Update available. Your saved outcomes are kept.</p>
      <button type="button" className="button button--small" onClick={applyUpdate}>
        Reload to update
      </button>
    </div>
  );
}
