import { Workbox } from 'workbox-window';
import { unsavedInput } from './unsaved-input';

export interface UpdateState {
  /** A new version is installed and waiting for the officer to accept it. */
  updateReady: boolean;
}

const HOURLY = 60 * 60 * 1000;

/**
 * Registers the service worker (from this bundled file, not an inline script, so the CSP can
 * forbid inline scripts) and reports when a new version waits. Nothing here reloads the page
 * unless applyUpdate() is called from the officer's tap.
 */
export class UpdateStore {
  private state: UpdateState = { updateReady: false };
  private readonly listeners = new Set<() => void>();
  private wb: Workbox | undefined;

  getSnapshot = (): UpdateState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  register(url = '/sw.js'): void {
    if (!('serviceWorker' in navigator)) return;
    const wb = new Workbox(url);
    this.wb = wb;
    wb.addEventListener('waiting', () => this.set({ updateReady: true }));
    // Another tab accepted an update: the new version now controls this page too, but this page
    // still runs the old code until it reloads. (Not on the very first install, when there was no
    // older version: clientsClaim() then takes the page over.)
    const hadController = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (hadController) this.set({ updateReady: true });
    });
    void wb.register();
    // Look for a new deployment when the app comes back to the foreground, and hourly while open.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void wb.update();
    });
    setInterval(() => void wb.update(), HOURLY);
  }

  /**
   * The officer accepted: activate the waiting version, then reload into it once it controls the
   * page. Refused while anything entered is not yet on the phone (the banner offers no button then).
   */
  applyUpdate(): void {
    const wb = this.wb;
    if (!wb || unsavedInput.getSnapshot()) return;
    void navigator.serviceWorker.getRegistration().then((registration) => {
      // Activated already by another tab: nothing waits any more, this page just reloads into it.
      if (!registration?.waiting) return window.location.reload();
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  }

  /**
   * Reloads the page into the newest version there is: through the waiting service worker when one
   * is installed (nothing on screen is unsaved, or the caller has just left the screen that held it),
   * otherwise a plain reload (the new version already controls the page, or there is no service worker).
   */
  reloadIntoNewest(): void {
    if (this.state.updateReady && this.wb && !unsavedInput.getSnapshot()) this.applyUpdate();
    else window.location.reload();
  }

  private set(next: UpdateState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }
}

export const updates = new UpdateStore();
