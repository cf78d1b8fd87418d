import { DEVICE_KEYS } from '../session/device-keys';

/**
 * "Never nagging": how often the install offer comes back once an officer has said "Not now".
 * Kept per device (an install is per device), in localStorage under a versioned key that
 * outlives sign-out (session/device-keys.ts says why).
 *
 * Policy: the first "Not now" hides the offer for 30 days; the second hides it for good. The
 * browser's own install menu is always there for someone who changes their mind.
 */
export const REOFFER_AFTER_DAYS = 30;
export const DISMISSALS_BEFORE_NEVER = 2;
export const DISMISSAL_KEY = DEVICE_KEYS.installOfferDismissals;

const DAY_MS = 24 * 60 * 60 * 1000;

interface Dismissals {
  count: number;
  lastAt: string;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function read(storage: KeyValueStore): Dismissals | 'unreadable' | null {
  const raw = storage.getItem(DISMISSAL_KEY);
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<Dismissals>;
    if (typeof value.count === 'number' && typeof value.lastAt === 'string' && !Number.isNaN(Date.parse(value.lastAt)))
      return { count: value.count, lastAt: value.lastAt };
  } catch {
    // Fall through: treated as unreadable below.
  }
  return 'unreadable';
}

export function offerAllowed(storage: KeyValueStore, now: Date): boolean {
  const dismissals = read(storage);
  if (dismissals === null) return true;
  // Something else wrote the key: stay quiet rather than risk asking again and again.
  if (dismissals === 'unreadable') return false;
  if (dismissals.count >= DISMISSALS_BEFORE_NEVER) return false;
  return now.getTime() - Date.parse(dismissals.lastAt) >= REOFFER_AFTER_DAYS * DAY_MS;
}

export function recordDismissal(storage: KeyValueStore, now: Date): void {
  const before = read(storage);
  const count = before && before !== 'unreadable' ? before.count + 1 : 1;
  storage.setItem(DISMISSAL_KEY, JSON.stringify({ count, lastAt: now.toISOString() } satisfies Dismissals));
}
