import type { GeoPoint } from '../../domain/outcome';

export class PositionUnavailableError extends Error {
  override name = 'PositionUnavailableError';
}

/**
 * One reading from the device's location, for "use my location". Asked only when the officer
 * taps the button, never in the background; high accuracy (GPS) because a town-level network
 * fix is no use for a venue; a fresh reading (no cached one from the last place).
 */
export function currentPosition(timeoutMs = 20_000): Promise<GeoPoint> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new PositionUnavailableError('This phone cannot tell Fieldbook where it is.'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: round(p.coords.latitude), lng: round(p.coords.longitude), accuracyM: Math.round(p.coords.accuracy) }),
      (e) =>
        reject(
          new PositionUnavailableError(
            e.code === e.PERMISSION_DENIED
              ? 'Location is turned off for Fieldbook. You can log without it.'
              : e.code === e.TIMEOUT
                ? 'No location yet: the phone could not get a fix in time. Try again in the open, or log without it.'
                : 'The phone could not find its location. You can log without it.',
          ),
        ),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    );
  });
}

/** Five decimal places is about a metre: finer than any phone reading, and no false precision. */
const round = (x: number) => Math.round(x * 100_000) / 100_000;
