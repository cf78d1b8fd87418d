import { useStorageStatus } from '../../../pwa/storage-hooks';
import { useDeviceContents } from '../../../data/device-contents-hooks';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** What this phone holds, how much room it takes, and whether the browser may clear it. */
export function ThisPhone() {
  const storage = useStorageStatus();
  const contents = useDeviceContents();
  return (
    <>
      <h2>This phone</h2>
      {contents && (
        <dl className="summary-list" data-testid="device-contents">
          <div>
            <dt>Plans</dt>
            <dd>{contents.plans}</dd>
          </div>
          <div>
            <dt>Actions</dt>
            <dd>{contents.actions}</dd>
          </div>
          <div>
            <dt>Outcomes</dt>
            <dd>
              {contents.outcomes}
              {contents.outcomesWaiting > 0 && `, ${contents.outcomesWaiting} waiting to sync`}
            </dd>
          </div>
          <div>
            <dt>Photos</dt>
            <dd>
              {contents.photos} ({mb(contents.photoBytes)}){contents.photosWaiting > 0 && `, ${contents.photosWaiting} waiting to upload`}
            </dd>
          </div>
          <div>
            <dt>Storage used</dt>
            <dd>{storage === undefined ? 'Checking…' : storage.usageBytes == null ? 'Not reported by this browser' : mb(storage.usageBytes)}</dd>
          </div>
          <div>
            <dt>Storage kept</dt>
            <dd data-testid="storage-persistent">
              {storage === undefined ? 'Checking…' : storage.persisted ? 'Yes: the browser will not clear it' : 'No: the browser may clear it'}
            </dd>
          </div>
        </dl>
      )}
      <p data-testid="storage-status">
        {storage === undefined
          ? 'Checking storage…'
          : storage.persisted
            ? 'Your records are kept on this phone until you sign out.'
            : 'The browser may clear records on this phone if space runs low. Install Fieldbook to the home screen to keep them safe.'}
      </p>
    </>
  );
}
