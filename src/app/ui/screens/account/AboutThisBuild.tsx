import { buildInfo } from '../../../build-info';
import { formatDate } from '../../format-date';

/** Which version of Fieldbook this phone runs, and when it was built: what a coordinator asks when something looks wrong. */
export function AboutThisBuild() {
  return (
    <>
      <h2>About</h2>
      <dl className="summary-list" data-testid="build-info">
        <div>
          <dt>Version</dt>
          <dd>{buildInfo.version}</dd>
        </div>
        <div>
          <dt>Built</dt>
          <dd>
            {formatDate(buildInfo.builtAt.slice(0, 10))}, {buildInfo.builtAt.slice(11, 16)} UTC
          </dd>
        </div>
      </dl>
    </>
  );
}
