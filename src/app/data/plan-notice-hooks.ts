import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';

/** Notices of plan changes that touch the officer's work, oldest first, until each is dismissed. */
export function usePlanNotices() {
  const { db } = useUserServices();
  const notices = useLiveQuery(async () => (await db.notices.toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt)), [db]);
  const dismiss = useCallback((id: string) => db.notices.delete(id), [db]);
  return { notices: notices ?? [], dismiss };
}
