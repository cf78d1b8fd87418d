import { UNSYNCED_FILE_FORMAT, type UnsyncedFile } from '../../domain/sync/unsynced-file';
import type { SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import { deviceId } from '../sync/device-id';

/**
 * Everything waiting to sync, as a file a coordinator can import: the outbox exactly as queued,
 * with this device's id and sequence numbers. null when nothing waits.
 */
export async function exportUnsynced(db: FieldbookDb, user: Pick<SessionUser, 'id' | 'email' | 'name'>, now = new Date()): Promise<{ fileName: string; text: string; count: number } | null> {
  const entries = await db.outbox.orderBy('seq').toArray();
  if (entries.length === 0) return null;
  const file: UnsyncedFile = {
    format: UNSYNCED_FILE_FORMAT,
    exportedAt: now.toISOString(),
    author: { id: user.id, email: user.email, name: user.name },
    deviceId: await deviceId(db),
    mutations: entries.map(({ seq, kind, args }) => ({ seq, kind, args })),
  };
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return { fileName: `fieldbook-unsynced-${stamp}.json`, text: JSON.stringify(file, null, 1), count: entries.length };
}
