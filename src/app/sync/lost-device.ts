import type { ApiClient } from '../api/api-client';
import type { FieldbookDb } from '../db/fieldbook-db';
import { deviceId } from './device-id';

/**
 * On a database's first sync, asks the server whether this browser held an earlier one for this
 * user that has gone. If so, records a notice for the officer: what reached the server is safe
 * (and is coming back down now); what was logged after the last contact could not be kept.
 */
export async function checkForLostDevice(db: FieldbookDb, api: ApiClient): Promise<void> {
  if (await db.meta.get('deviceChecked')) return;
  const lost = await api.deviceCheck(await deviceId(db));
  await db.transaction('rw', db.meta, async () => {
    if (lost) await db.meta.put({ key: 'lostDevice', value: JSON.stringify(lost) });
    await db.meta.put({ key: 'deviceChecked', value: 1 });
  });
}
