import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { loadProgress } from './progress-queries';

/** Coordinator-only: imported from the lazily loaded progress screen, so officers never download it. */
export function useProgress() {
  const { db } = useUserServices();
  return useLiveQuery(() => loadProgress(db), [db]);
}
