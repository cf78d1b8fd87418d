import { useTabOutdated, useUpdateReady } from '../../pwa/update-hooks';

/**
 * A new version waits; it is applied only when the officer taps, never by itself, and not while
 * anything entered exists only on screen (photos picked, a form that keeps no draft): the
 * button appears once it is saved. Drafts already kept come back after the reload.
 */
export function UpdateBanner() {
  const { updateReady, applyUpdate, unsaved } = useUpdateReady();
  const outdated = useTabOutdated();
  if (outdated) {
    // Another tab runs a newer Fieldbook and has upgraded the data; this one has closed its
    // connection so that could happen, and cannot read or save until it reloads.
    return (
      <div className="banner banner--update" role="alert">
        <p>Fieldbook was updated in another tab. Reload this one to carry on; everything saved is kept.</p>
        <button type="button" className="button button--small" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (!updateReady) return null;
  return (
    <div className="banner banner--update" role="status" data-testid="update-ready">
      {unsaved ? (
        <p>Update ready. It can be applied once what you are entering is saved: finish the form, or remove the photos you picked.</p>
      ) : (
        <>
          <p>Update ready. Your saved outcomes and anything you were typing are kept.</p>
          <button type="button" className="button button--small" onClick={applyUpdate}>
            Reload to update
          </button>
        </>
      )}
    </div>
  );
}
