/**
 * Everything Fieldbook keeps in localStorage, in one place, so sign-out can remove all of it.
 * None of it is a secret: the session is an HttpOnly cookie the page cannot read.
 */
export const DEVICE_KEYS = {
  /** The signed-in user (see session-store.ts for the version suffix). */
  user: 'fieldbook.user.v1',
  /** When the officer last touched the app, for the idle lock; survives closing the app. */
  lastActiveAt: 'fieldbook.lastActiveAt',
  /** Signed out with no signal: end the server session at the next chance. */
  pendingServerSignOut: 'fieldbook.pendingServerSignOut',
  unlockVerifier: (userId: string) => `fieldbook.unlock.${userId}`,
  /**
   * The one key sign-out leaves: how often "Not now" was said to installing Fieldbook on this
   * device, and when (pwa/install-dismissal.ts). It is the device's answer, not the person's, and
   * wiping it at every sign-out would bring the offer back each time a session ends.
   */
  installOfferDismissals: 'fieldbook.install-offer.v1',
  // Also left at sign-out, kept by its own module off the first load: the partnerships' public
  // contacts for the accessibility statement and privacy notice (data/public-contacts.ts).
} as const;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
