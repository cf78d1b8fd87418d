/**
 * Names the pages and the service worker must agree on to sync a user's outbox (decision 15).
 * Both ends read them from here, as both read the share target from share-target.ts: a name
 * spelt differently at one end fails silently (the worker ignores the tag, or pushes alongside a
 * tab).
 */

/** The Background Sync tag a page registers after queuing work: one per user, each has their own database. */
const SYNC_TAG_PREFIX = 'fieldbook-outbox:';

export const backgroundSyncTag = (userId: string) => `${SYNC_TAG_PREFIX}${userId}`;

/** The user whose outbox a Background Sync tag asks for, or null when the tag is not Fieldbook's. */
export const userOfBackgroundSyncTag = (tag: string): string | null => (tag.startsWith(SYNC_TAG_PREFIX) ? tag.slice(SYNC_TAG_PREFIX.length) : null);

/** The Web Lock every tab and the service worker take to sync a user's database: one sync at a time. */
export const syncLockName = (userId: string) => `fieldbook-sync-${userId}`;
