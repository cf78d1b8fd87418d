import type { FieldbookDb } from './fieldbook-db';

/**
 * Another tab has opened a newer version of this database (a new release, just installed there).
 * IndexedDB cannot upgrade while this tab holds the old version open, so this tab closes its
 * connection at once, letting the upgrade go ahead, and tells the officer to reload into the new
 * version. Nothing is lost: everything saved is in IndexedDB, and the outbox comes through the
 * upgrade intact (db-upgrades.test.ts).
 */
export function closeOnNewerVersion(db: FieldbookDb, onOutdated: () => void): () => void {
  const handler = () => {
    db.close();
    onOutdated();
    return false; // already closed; Dexie need not do it
  };
  db.on('versionchange', handler);
  return () => db.on('versionchange').unsubscribe(handler);
}
