/**
 * iOS launch screens (`apple-touch-startup-image`): iOS shows one only if its media query
 * matches the device exactly, so there is one image per screen size in use. Portrait only: the
 * manifest fixes the orientation. vite.config.ts writes the <link> tags from this list and
 * scripts/render-launch-screens.ts draws the images, so the two cannot disagree.
 */
export interface LaunchScreen {
  /** CSS pixels, portrait. */
  width: number;
  height: number;
  pixelRatio: 2 | 3;
  devices: string;
}

export const LAUNCH_SCREENS: readonly LaunchScreen[] = [
  { width: 440, height: 956, pixelRatio: 3, devices: 'iPhone 16 Pro Max, 17 Pro Max' },
  { width: 430, height: 932, pixelRatio: 3, devices: 'iPhone 14 Pro Max, 15 Plus, 15 Pro Max, 16 Plus' },
  { width: 428, height: 926, pixelRatio: 3, devices: 'iPhone 12 Pro Max, 13 Pro Max, 14 Plus' },
  { width: 420, height: 912, pixelRatio: 3, devices: 'iPhone Air' },
  { width: 414, height: 896, pixelRatio: 3, devices: 'iPhone XS Max, 11 Pro Max' },
  { width: 414, height: 896, pixelRatio: 2, devices: 'iPhone XR, 11' },
  { width: 402, height: 874, pixelRatio: 3, devices: 'iPhone 16 Pro, 17, 17 Pro' },
  { width: 393, height: 852, pixelRatio: 3, devices: 'iPhone 14 Pro, 15, 15 Pro, 16' },
  { width: 390, height: 844, pixelRatio: 3, devices: 'iPhone 12, 12 Pro, 13, 13 Pro, 14, 16e' },
  { width: 375, height: 812, pixelRatio: 3, devices: 'iPhone X, XS, 11 Pro, 12 mini, 13 mini' },
  { width: 375, height: 667, pixelRatio: 2, devices: 'iPhone 6, 7, 8, SE (2nd and 3rd generation)' },
];

export const launchScreenFile = (s: LaunchScreen) => `/launch/launch-${s.width * s.pixelRatio}x${s.height * s.pixelRatio}.png`;

export const launchScreenMedia = (s: LaunchScreen) =>
  `screen and (device-width: ${s.width}px) and (device-height: ${s.height}px) and (-webkit-device-pixel-ratio: ${s.pixelRatio}) and (orientation: portrait)`;
