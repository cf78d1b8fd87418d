import { DISMISSAL_KEY, offerAllowed, recordDismissal } from './install-dismissal';
import { isIosSafari, isStandalone, STANDALONE_QUERY } from './install-platform';
import { captured } from './install-prompt-capture';

export type InstallOfferKind = 'prompt' | 'ios-guide';

export interface InstallState {
  /** What to show a signed-in officer: Chromium's install button, the iOS guide, or nothing. */
  offer: InstallOfferKind | null;
}

/** localStorage can be missing or throw (storage disabled); the offer then lasts the page's life. */
function deviceStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    const storage = globalThis.localStorage;
    storage.getItem(DISMISSAL_KEY);
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}

/**
 * Decides the install offer from what install-prompt-capture.ts caught, the platform, whether
 * Fieldbook already runs installed, and the officer's earlier "Not now"s. Loaded with the offer
 * (off the first load); the UI reads it through install-hooks.ts.
 */
export class InstallStore {
  private state: InstallState | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly storage = deviceStorage();

  constructor() {
    captured.onChange.add(() => this.changed());
    // Chromium moves an open tab into the app window when installed from its menu.
    if (typeof window.matchMedia === 'function') window.matchMedia(STANDALONE_QUERY).addEventListener('change', () => this.changed());
  }

  getSnapshot = (): InstallState => (this.state ??= this.compute());

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The officer tapped "Install Fieldbook": Chromium's own dialog decides; a prompt works once. */
  async install(): Promise<void> {
    const event = captured.prompt;
    if (!event) return;
    captured.prompt = null;
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
    if (captured.installed || isStandalone(window) || !offerAllowed(this.storage, new Date())) return { offer: null };
    if (captured.prompt) return { offer: 'prompt' };
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
