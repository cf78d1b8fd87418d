import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import type { LocalOutcome } from '../db/local-records';
import { logOutcome, type OutcomeFormValues } from './log-outcome';
import { deleteOutcome, discardRejected, editOutcome, resendOutcome } from './change-outcome';
import { isLive } from '../db/local-records';
import { quarterLockReason } from './quarter-lock';

/**
 * Checks and saves an outcome, then asks sync to run soon. The returned promise settles when the
 * outcome is committed to IndexedDB: the form awaits it before saying "saved".
 */
export function useLogOutcome() {
  const { db, user, sync } = useUserServices();
  const save = useCallback(
    async (values: OutcomeFormValues, options: { confirmDuplicate?: boolean; draftKey?: string } = {}) => {
      const saved = await logOutcome(db, user, values, new Date(), options);
      sync.requestSoon();
      return saved;
    },
    [db, user, sync],
  );
  return { save };
}

/** One outcome that can still be changed or fixed, live; null when it is gone from this phone (or deleted). */
export function useOutcome(id: string) {
  const { db } = useUserServices();
  return useLiveQuery(async () => {
    const o = await db.outcomes.get(id);
    return o && (isLive(o) || o.syncState === 'rejected') ? o : null;
  }, [db, id]);
}

/** Change, delete, fix-and-resend, discard: each committed on the phone, then synced soon. */
export function useChangeOutcome() {
  const { db, sync, user } = useUserServices();
  const then = useCallback(
    <A extends unknown[]>(fn: (...args: A) => Promise<unknown>) =>
      async (...args: A) => {
        await fn(...args);
        sync.requestSoon();
      },
    [sync],
  );
  return {
    // The commands refuse a change to a signed-off quarter themselves (QuarterLockedError).
    edit: then((id: string, values: OutcomeFormValues) => editOutcome(db, user, id, values)),
    resend: then((id: string, values: OutcomeFormValues) => resendOutcome(db, id, values)),
    remove: then((id: string) => deleteOutcome(db, user, id)),
    discard: then((id: string) => discardRejected(db, id)),
  };
}

/** An outcome to log another like, by id; null when it is not on this phone. Read once. */
export function useOutcomeToRepeat(id: string | null) {
  const { db } = useUserServices();
  return useLiveQuery(async () => (id ? ((await db.outcomes.get(id)) ?? null) : null), [db, id]);
}

/** Why the signed-in officer can no longer change this outcome (its quarter is signed off), or null; live. */
export function useQuarterLock(outcome: Pick<LocalOutcome, 'actionId' | 'partnershipId' | 'occurredOn'> | null | undefined) {
  const { db, user } = useUserServices();
  return useLiveQuery(async () => (outcome ? quarterLockReason(db, user, outcome) : null), [db, user, outcome?.actionId, outcome?.partnershipId, outcome?.occurredOn]);
}
