import type { FieldbookDb } from '../db/fieldbook-db';
import type { SyncHandle } from '../services/deferred-sync';
import type { SessionStore } from './session-store';
import { SharedFilesDb } from '../db/shared-files-db';

export type SignOutResult =
  | { status: 'signed-out' }
  /** Outcomes are still waiting after a last sync: the officer must choose to lose them. */
  | { status: 'unsynced'; waiting: number };

/**
 * Signs the officer out of this device and leaves nothing of theirs on it.
 *
 * 1. Sync first, so everything that can reach the server does.
 * 2. If outcomes still wait (no signal, server refusing), stop and say how many: deleting them
 *    needs the officer's explicit choice (`discardUnsynced`). Nothing is dropped silently.
 * 3. Stop sync and delete the user's IndexedDB database.
 * 4. Delete photos shared to Fieldbook and not yet attached (kept outside the user's database).
 * 5. End the server session and clear localStorage (SessionStore.endSession).
 * Cache Storage holds only the app shell, the same for everyone: API answers are never cached.
 */
export async function signOutOfDevice(
  parts: { session: SessionStore; db: FieldbookDb; sync: SyncHandle },
  options: { discardUnsynced: boolean },
): Promise<SignOutResult> {
  await parts.sync.syncNow();
  const waiting = await parts.db.outbox.count();
  if (waiting > 0 && !options.discardUnsynced) return { status: 'unsynced', waiting };
  parts.sync.dispose();
  // Closes this connection, asks other tabs to close theirs (Dexie closes on 'versionchange'),
  // then deletes the database.
  await parts.db.delete({ disableAutoOpen: true });
  // On the same IndexedDB as the user's database (a test's fake one included).
  await new SharedFilesDb(parts.db._options).delete({ disableAutoOpen: true });
  await parts.session.endSession();
  return { status: 'signed-out' };
}
