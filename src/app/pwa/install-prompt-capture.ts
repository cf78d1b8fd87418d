/** Chromium's event; not in TypeScript's DOM types because no other engine has it. */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * The only install code on the first load. Chromium fires `beforeinstallprompt` once per page
 * load, often before anyone has signed in and before the offer's own (lazily loaded) code is
 * there, so it is caught here from the start. preventDefault() keeps Chromium's mini-infobar
 * from asking over the sign-in screen; install-store.ts offers it later.
 */
export const captured = {
  prompt: null as BeforeInstallPromptEvent | null,
  /** `appinstalled` fired on this page. */
  installed: false,
  onChange: new Set<() => void>(),
};

export function captureInstallPrompt(win: Window): void {
  const changed = () => captured.onChange.forEach((f) => f());
  win.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    captured.prompt = event as BeforeInstallPromptEvent;
    changed();
  });
  win.addEventListener('appinstalled', () => {
    captured.installed = true;
    captured.prompt = null;
    changed();
  });
}
