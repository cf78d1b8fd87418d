declare const __APP_VERSION__: string;
declare const __BUILD_TIME__: string;

/** Set by vite.config.ts at build time. */
export const buildInfo = { version: __APP_VERSION__, builtAt: __BUILD_TIME__ };
