import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium, with the flags that let it run headless as root on a closed network. */
export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** A phone-sized window, as an officer holds it. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** The coordinator's desk: a laptop-sized window (the progress table is for a wide screen). */
export const DESK = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false } as const;
