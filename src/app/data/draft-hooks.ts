import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import type { FormDraft } from '../db/local-records';
import { unsavedInput } from '../pwa/unsaved-input';

export interface DraftHandle<T> {
  /** undefined while loading; null when there is no draft. Read once, when the form opens. */
  draft: { values: T; updatedAt: string } | null | undefined;
  /** Keeps the form's current state (every change: a killed app loses nothing typed). */
  keep: (values: T) => void;
  discard: () => Promise<void>;
  /** Set when the phone refused to keep a draft (storage full): the form says so. */
  problem: string | null;
}

/**
 * A form's draft in IndexedDB under `key`. Writes are queued in order on the phone and not awaited
 * by typing; a failure is reported, never swallowed. Until a write commits (and for as long as the
 * phone refuses them) the input counts as unsaved, so an update cannot reload over it.
 */
export function useFormDraft<T extends object>(key: string): DraftHandle<T> {
  const { db } = useUserServices();
  const [problem, setProblem] = useState<string | null>(null);
  const [initial] = useState(() => ({ key }));
  const draft = useLiveQuery(async () => {
    const d = await db.drafts.get(initial.key);
    return d ? { values: d.values as T, updatedAt: d.updatedAt } : null;
    // Only the draft as it was when the form opened matters: later writes are the form's own.
  }, [db, initial.key]);
  // Held from a refused write until a later one commits: what was typed exists only on screen.
  const refusedHold = useRef<(() => void) | null>(null);
  useEffect(() => () => refusedHold.current?.(), []);
  const keep = useCallback(
    (values: T) => {
      const entry: FormDraft = { key, values: values as Record<string, unknown>, updatedAt: new Date().toISOString() };
      const writing = unsavedInput.hold();
      db.drafts.put(entry).then(
        () => {
          refusedHold.current?.();
          refusedHold.current = null;
          writing();
          setProblem(null);
        },
        () => {
          refusedHold.current ??= unsavedInput.hold();
          writing();
          setProblem('This phone could not keep a draft of the form. Save soon, or free some space.');
        },
      );
    },
    [db, key],
  );
  const discard = useCallback(() => db.drafts.delete(key), [db, key]);
  return { draft, keep, discard, problem };
}

/**
 * Where the officer's last outcome was: its area's id, and the town's name a release before areas
 * were records kept (for a phone that has logged nothing since). null before the first; undefined
 * while loading.
 */
export function useLastArea(): { areaId: string | null; town: string | null } | undefined {
  const { db } = useUserServices();
  return useLiveQuery(async () => {
    const [area, town] = await db.meta.bulkGet(['lastArea', 'lastTown']);
    return { areaId: typeof area?.value === 'string' ? area.value : null, town: typeof town?.value === 'string' ? town.value : null };
  }, [db]);
}
