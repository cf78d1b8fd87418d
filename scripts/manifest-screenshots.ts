/**
 * The manifest's screenshots: with at least one `narrow` (phones) and one `wide` (desktop),
 * Chromium shows its richer install sheet instead of a bare "Install app?" dialog. Sizes must
 * be the PNGs' real pixel sizes (Chromium ignores a screenshot whose size disagrees), so
 * vite.config.ts and scripts/render-screenshots.ts both read this list, and
 * test/e2e/installable.spec.ts checks the served files against the manifest.
 */
export interface ManifestScreenshot {
  file: string;
  /** Pixels, not CSS pixels. */
  width: number;
  height: number;
  formFactor: 'narrow' | 'wide';
  label: string;
}

export const MANIFEST_SCREENSHOTS: readonly ManifestScreenshot[] = [
  {
    file: '/screenshots/narrow-my-actions.png',
    width: 780,
    height: 1688,
    formFactor: 'narrow',
    label: 'My actions: the plan actions an officer delivers, with what is waiting to sync',
  },
  {
    file: '/screenshots/narrow-log-outcome.png',
    width: 780,
    height: 1688,
    formFactor: 'narrow',
    label: 'Logging a training session with no signal, counts typed with one thumb',
  },
  {
    file: '/screenshots/wide-progress.png',
    width: 1280,
    height: 800,
    formFactor: 'wide',
    label: 'Progress: every measure of the plan tallied against its target, by town',
  },
];
