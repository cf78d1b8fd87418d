/**
 * The unlock verifier (PBKDF2) is needed only at sign-in, at a password change and to unlock
 * after the idle lock: loaded then, off the officer's first load. The service worker precaches
 * it with every other chunk, so an unlock with no signal finds it.
 */
export const loadUnlockVerifier = () => import('./unlock-verifier');
