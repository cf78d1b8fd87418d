import { useLiveQuery } from 'dexie-react-hooks';
import type { Period } from '../../domain/period';
import { localIsoDate } from '../../domain/primitives';
import { useUserServices } from '../services/services-context';
import { loadPeriodProgress } from './period-progress';
import { loadOutcomesBehind } from './outcomes-behind';
import { loadOutcomeExport, type OutcomeFilters } from './outcomes-export';

/*
 * Coordinator-only: imported from the lazily loaded coordinator screens, so officers never
 * download them. Live: a sync that brings outcomes updates the figures on screen.
 */

/** A plan's progress over a period; null when the plan is not on this device. */
export function usePeriodProgress(planId: string | undefined, period: Period | null) {
  const { db } = useUserServices();
  return useLiveQuery(
    async () => (planId && period ? loadPeriodProgress(db, planId, period, localIsoDate(new Date())) : null),
    [db, planId, period?.start, period?.end],
  );
}

/** The outcomes behind a figure, newest first. */
export function useOutcomesBehind(ids: readonly string[]) {
  const { db } = useUserServices();
  return useLiveQuery(() => loadOutcomesBehind(db, ids), [db, ids.join(',')]);
}

/** The outcomes export for these filters, live; null when the plan is not on this device. */
export function useOutcomeExport(filters: OutcomeFilters | null) {
  const { db } = useUserServices();
  return useLiveQuery(async () => (filters ? loadOutcomeExport(db, filters) : null), [db, JSON.stringify(filters)]);
}
