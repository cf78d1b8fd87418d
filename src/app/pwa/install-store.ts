import { offerAllowed, recordDismissal } from './install-dismissal';
import { isIosSafari, isStandalone, STANDALONE_QUERY } from './install-platform';

/** Chromium's event; not in TypeScript's DOM types because no other engine has it. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOfferKind = 'prompt' | 'ios-guide';

export interface InstallState {
  /** What to show a signed-in officer: Chromium's install button, the iOS guide, or nothing. */
  offer: InstallOfferKind | null;
}

/** localStorage can be missing or throw (storage disabled); the offer then lasts the page's life. */
function deviceStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    const storage = globalThis.localStorage;
    storage.getItem('probe');
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}

/**
 * Catches `beforeinstallprompt` from the first moment (it fires before anyone has signed in, and
 * only once per page load), keeps it for the button, and knows when Fieldbook is installed.
 * listen() runs from main.tsx; the UI reads it through install-hooks.ts.
 */
export class InstallStore {
  private deferred: BeforeInstallPromptEvent | null = null;
  private installed = false;
  private state: InstallState | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly storage = deviceStorage();

  getSnapshot = (): InstallState => (this.state ??= this.compute());

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  listen(win: Window = window): void {
    win.addEventListener('beforeinstallprompt', (event) => {
      // Chromium's own mini-infobar would ask before the officer has even signed in.
      event.preventDefault();
      this.deferred = event as BeforeInstallPromptEvent;
      this.changed();
    });
    win.addEventListener('appinstalled', () => {
      this.installed = true;
      this.deferred = null;
      this.changed();
    });
    // Chromium moves an open tab into the app window when installed from its menu.
    if (typeof win.matchMedia === 'function') win.matchMedia(STANDALONE_QUERY).addEventListener('change', () => this.changed());
  }

  /** The officer tapped "Install Fieldbook": Chromium's own dialog decides; a prompt works once. */
  async install(): Promise<void> {
    const event = this.deferred;
    if (!event) return;
    this.deferred = null;
    await event.prompt();
    const { outcome } = await event.userChoice;
    if (outcome === 'dismissed') recordDismissal(this.storage, new Date());
    this.changed();
  }

  dismiss(): void {
    recordDismissal(this.storage, new Date());
    this.changed();
  }

  private compute(): InstallState {
    if (this.installed || isStandalone(window) || !offerAllowed(this.storage, new Date())) return { offer: null };
    if (this.deferred) return { offer: 'prompt' };
    if (isIosSafari(navigator.userAgent, navigator.maxTouchPoints ?? 0)) return { offer: 'ios-guide' };
    return { offer: null };
  }

  private changed(): void {
    const next = this.compute();
    if (next.offer === this.state?.offer) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}

export const installPrompt = new InstallStore();
