/**
 * Words for an error an officer can act on. Network trouble is named as such; the server's own
 * message is shown as is (it is written for people); anything else gets the fallback.
 */
export function describeError(err: unknown, fallback: string): string {
  if (err instanceof Error) {
    if (err.name === 'NetworkError') return 'No connection to Fieldbook. Check your signal and try again.';
    // Errors whose messages are written for the officer.
    if (['ApiError', 'OutcomeNotValidError', 'PhotoNotUsableError', 'PositionUnavailableError', 'QuarterLockedError'].includes(err.name)) return err.message;
  }
  return fallback;
}
