/**
 * Runs fn once the page has painted and the main thread is free (requestIdleCallback, at most
 * `timeoutMs` later), so start-up work that no screen waits for does not lengthen the first
 * screen's tasks. Where there is no requestIdleCallback (Safari, jsdom), after a short timeout.
 * Returns a function that cancels it.
 */
export function whenIdle(fn: () => void, timeoutMs = 1000): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(() => fn(), { timeout: timeoutMs });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const timer = setTimeout(fn, 50);
  return () => clearTimeout(timer);
}
