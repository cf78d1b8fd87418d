/**
 * Which way this browser lets an officer install Fieldbook. Chromium fires `beforeinstallprompt`;
 * Safari on iPhone and iPad has no prompt at all (only Share → Add to Home Screen), so there the
 * app has to explain it.
 */

/** Browsers on iOS that are not Safari. They all carry "Safari/" too, so they are told apart by their own token. */
const OTHER_IOS_BROWSERS = /CriOS|FxiOS|EdgiOS|OPiOS|OPT\/|YaBrowser|DuckDuckGo|GSA\/|FBAN|FBAV|Instagram|Line\//;

export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  // iPadOS asks for desktop sites by default and says "Macintosh"; only its touch screen gives it away.
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  return ios && /Version\/[\d.]+.*Safari\//.test(userAgent) && !OTHER_IOS_BROWSERS.test(userAgent);
}

export const STANDALONE_QUERY = '(display-mode: standalone)';

/** Opened from the home screen: Chromium's display-mode, or iOS Safari's own navigator.standalone. */
export function isStandalone(win: Window): boolean {
  const iosStandalone = (win.navigator as Navigator & { standalone?: boolean }).standalone === true;
  const displayModeStandalone = typeof win.matchMedia === 'function' && win.matchMedia(STANDALONE_QUERY).matches;
  return iosStandalone || displayModeStandalone;
}
