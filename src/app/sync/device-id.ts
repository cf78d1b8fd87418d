import type { FieldbookDb } from '../db/fieldbook-db';

/**
 * This device's id for the sync protocol, made on first use and kept in the user's database.
 * It lives and dies with that database: if the database is lost, so is the outbox, and a new id
 * starts a new sequence from 1 instead of colliding with the old one.
 */
export async function deviceId(db: FieldbookDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('deviceId');
    if (existing) return String(existing.value);
    const id = crypto.randomUUID();
    await db.meta.put({ key: 'deviceId', value: id });
    return id;
  });
}
