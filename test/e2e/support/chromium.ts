import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, with the flags that let it run headless as root on a closed network. The
 * end-to-end tests and the browser benchmarks launch it alike.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const CHROMIUM_LAUNCH: LaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

/** A phone-sized window, as an officer holds it. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** The coordinator's desk: a laptop-sized window (the progress table is for a wide screen). */
export const DESK = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false } as const;
