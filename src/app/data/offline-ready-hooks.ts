import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';

/**
 * "Ready to work offline", said once per user database: when the app shell is on the phone
 * (`shellReady`: a service worker is active, so its precache is complete) and the officer's plan
 * data is too (a full sync cycle has finished: `lastSyncedAt`). Noted in the database as soon as
 * it is shown, so it is never said again, even if not dismissed; a new sign-in (a new database)
 * says it again, as the plan must be fetched again.
 */
export function useOfflineReadyNotice(shellReady: boolean): { show: boolean; dismiss: () => void } {
  const { db } = useUserServices();
  const state = useLiveQuery(async () => {
    const [synced, said] = await Promise.all([db.meta.get('lastSyncedAt'), db.meta.get('offlineReadySaidAt')]);
    return { synced: synced !== undefined, said: said !== undefined };
  }, [db]);
  const [show, setShow] = useState(false);
  const due = shellReady && state?.synced === true && !state.said;
  useEffect(() => {
    if (!due) return;
    // Shown whether or not the note could be written: saying it twice beats never saying it.
    void db.meta.put({ key: 'offlineReadySaidAt', value: new Date().toISOString() }).finally(() => setShow(true));
  }, [due, db]);
  return { show, dismiss: () => setShow(false) };
}
