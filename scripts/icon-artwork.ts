/** Fieldbook's artwork as SVG, shared by the icon and launch-screen renderers. */
export const BRAND = '#0b3d5c';
/** The manifest's background_color: Android's splash screen and the iOS launch screens match it. */
export const SPLASH_BACKGROUND = '#f3f2f1';

export const notebook = (scale: number) => `
  <g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <rect x="146" y="104" width="228" height="304" rx="22" fill="#fff"/>
    <rect x="146" y="104" width="40" height="304" rx="18" fill="#d2e2f1"/>
    <path d="M222 262 l46 46 l86 -100" fill="none" stroke="${BRAND}" stroke-width="34" stroke-linecap="round" stroke-linejoin="round"/>
  </g>`;
export const plus = `<path d="M256 150 V362 M150 256 H362" stroke="#fff" stroke-width="56" stroke-linecap="round"/>`;
export const list = `<g stroke="#fff" stroke-width="40" stroke-linecap="round"><path d="M200 170 H370"/><path d="M200 256 H370"/><path d="M200 342 H370"/></g>
  <g fill="#fff"><circle cx="140" cy="170" r="24"/><circle cx="140" cy="256" r="24"/><circle cx="140" cy="342" r="24"/></g>`;

export const iconSvg = (body: string, rounded: boolean) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" ${rounded ? 'rx="104"' : ''} fill="${BRAND}"/>${body}</svg>`;
