import { useCallback } from 'react';
import { useUserServices } from '../services/services-context';
import { logOutcome, type OutcomeFormValues } from './log-outcome';

/**
 * Checks and saves an outcome, then asks sync to run soon. The returned promise settles when the
 * outcome is committed to IndexedDB: the form awaits it before saying "saved".
 */
export function useLogOutcome() {
  const { db, user, sync } = useUserServices();
  const save = useCallback(
    async (values: OutcomeFormValues) => {
      const saved = await logOutcome(db, user, values);
      sync.requestSoon();
      return saved;
    },
    [db, user, sync],
  );
  return { save };
}
