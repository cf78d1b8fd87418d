import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { coordinatorApi, type CoordinatorApi } from '../api/coordinator-api';
import { useAppServices, useUserServices } from '../services/services-context';
import { loadActionToEdit, loadManagedPlans } from './plan-admin-queries';

/*
 * Coordinator-only (imported by the lazily loaded coordinator screens). Plan changes go to the
 * server directly; each one resolves only once the server has it AND this device has pulled it,
 * so the screen that follows shows the change. Errors reach the screen to show: nothing here is
 * fire-and-forget.
 */

export type PlanAdmin = ReturnType<typeof usePlanAdmin>;

export function usePlanAdmin() {
  const { getApi } = useAppServices();
  const { sync } = useUserServices();
  return useMemo(() => {
    const api = async () => coordinatorApi(await getApi());
    const change = async <T,>(fn: (a: CoordinatorApi) => Promise<T>): Promise<T> => {
      const result = await fn(await api());
      await sync.syncNow();
      return result;
    };
    return {
      createPlan: (...a: Parameters<CoordinatorApi['createPlan']>) => change((x) => x.createPlan(...a)),
      updatePlan: (...a: Parameters<CoordinatorApi['updatePlan']>) => change((x) => x.updatePlan(...a)),
      /** A preview changes nothing, so it does not sync. */
      previewImport: async (planId: string, actionsCsv: string, indicatorsCsv?: string) => (await api()).importPlan(planId, { actionsCsv, indicatorsCsv, commit: false }),
      commitImport: (planId: string, actionsCsv: string, indicatorsCsv?: string) => change((x) => x.importPlan(planId, { actionsCsv, indicatorsCsv, commit: true })),
      addAction: (...a: Parameters<CoordinatorApi['addAction']>) => change((x) => x.addAction(...a)),
      editAction: (...a: Parameters<CoordinatorApi['editAction']>) => change((x) => x.editAction(...a)),
      mergeAction: (...a: Parameters<CoordinatorApi['mergeAction']>) => change((x) => x.mergeAction(...a)),
      removeAction: (...a: Parameters<CoordinatorApi['removeAction']>) => change((x) => x.removeAction(...a)),
      addMeasure: (...a: Parameters<CoordinatorApi['addMeasure']>) => change((x) => x.addMeasure(...a)),
      editMeasure: (...a: Parameters<CoordinatorApi['editMeasure']>) => change((x) => x.editMeasure(...a)),
      removeMeasure: (...a: Parameters<CoordinatorApi['removeMeasure']>) => change((x) => x.removeMeasure(...a)),
      saveReview: (...a: Parameters<CoordinatorApi['saveReview']>) => change((x) => x.saveReview(...a)),
      signOff: (...a: Parameters<CoordinatorApi['signOff']>) => change((x) => x.signOff(...a)),
      reopen: (...a: Parameters<CoordinatorApi['reopen']>) => change((x) => x.reopen(...a)),
      saveFundReturn: (...a: Parameters<CoordinatorApi['saveFundReturn']>) => change((x) => x.saveFundReturn(...a)),
    };
  }, [getApi, sync]);
}

/** The plans of the partnerships the user coordinates, live. */
export function useManagedPlans() {
  const { db, user } = useUserServices();
  return useLiveQuery(() => loadManagedPlans(db, user), [db, user]);
}

/** An action with what its edit screen needs (its plan's priorities and actions, its measures); null when gone. */
export function useActionToEdit(actionId: string) {
  const { db } = useUserServices();
  return useLiveQuery(() => loadActionToEdit(db, actionId), [db, actionId]);
}

/** A measure and its action (or, for a new measure, just the action); nulls when not on this device. */
export function useMeasureToEdit(measureId: string | undefined, actionId: string | undefined) {
  const { db } = useUserServices();
  return useLiveQuery(async () => {
    const measure = measureId ? await db.measures.get(measureId) : undefined;
    const action = await db.actions.get(measure?.actionId ?? actionId ?? '');
    return { measure: measure ?? null, action: action ?? null };
  }, [db, measureId, actionId]);
}
