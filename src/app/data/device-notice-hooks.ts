import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';

export interface LostDeviceNotice {
  lastSeenAt: string;
}

/** The notice that this browser's previous Fieldbook data was lost, until dismissed. */
export function useLostDeviceNotice(): { notice: LostDeviceNotice | null | undefined; dismiss: () => Promise<void> } {
  const { db } = useUserServices();
  const notice = useLiveQuery(async () => {
    const entry = await db.meta.get('lostDevice');
    return entry ? (JSON.parse(String(entry.value)) as LostDeviceNotice) : null;
  }, [db]);
  const dismiss = useCallback(() => db.meta.delete('lostDevice'), [db]);
  return { notice, dismiss };
}
