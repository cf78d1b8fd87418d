import { useState } from 'react';
import { LOCATION_GOOD_ENOUGH_M, type GeoPoint } from '../../../domain/outcome';
import { currentPosition } from '../../device/current-position';
import { describeError } from '../describe-error';

/**
 * Optional "use my location". The reading's accuracy is always shown; one worse than 100 m is
 * flagged and kept only if the officer says so. Never required: a form saves without it.
 */
export function LocationField({
  location,
  roughAccepted,
  error,
  onChange,
}: {
  location: GeoPoint | null;
  roughAccepted: boolean;
  error: string | undefined;
  onChange: (location: GeoPoint | null, roughAccepted: boolean) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function read() {
    setBusy(true);
    setProblem(null);
    try {
      onChange(await currentPosition(), false);
    } catch (e) {
      setProblem(describeError(e, 'The phone could not find its location.'));
    } finally {
      setBusy(false);
    }
  }
  const rough = location !== null && location.accuracyM > LOCATION_GOOD_ENOUGH_M;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`} id="location">
      <p className="label">Location (optional)</p>
      {error && <p className="error-message">{error}</p>}
      {location === null ? (
        <button type="button" className="button button--secondary" onClick={() => void read()} disabled={busy}>
          {busy ? 'Finding you…' : 'Use my location'}
        </button>
      ) : (
        <>
          <p className="location-reading" data-testid="location-reading">
            {rough ? (
              <strong className="error-message">Only accurate to within {location.accuracyM.toLocaleString('en-GB')} m.</strong>
            ) : (
              <>Accurate to within {location.accuracyM} m.</>
            )}
          </p>
          {rough && !roughAccepted && <p className="hint">This is too rough to find the place again. Try again outdoors, keep it anyway, or log without it.</p>}
          <p className="outcome__actions">
            {rough && !roughAccepted && (
              <button type="button" className="button button--small button--secondary" onClick={() => onChange(location, true)}>
                Keep it anyway
              </button>
            )}
            <button type="button" className="button button--small button--secondary" onClick={() => void read()} disabled={busy}>
              {busy ? 'Finding you…' : 'Try again'}
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => onChange(null, false)}>
              Remove
            </button>
          </p>
        </>
      )}
      {problem && (
        <p className="hint" role="status">
          {problem}
        </p>
      )}
    </div>
  );
}
