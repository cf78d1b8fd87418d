import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ListEntry, ListEntryChangeRequest, PartnershipList } from '../../domain/partnership-lists';
import { settingsApi } from '../api/settings-api';
import { useAppServices, useUserServices } from '../services/services-context';

/*
 * A partnership's settings (imported by the lazily loaded settings screen only). The lists are
 * read from this device's copy, pulled like the plan; changes go to the server directly, and each
 * resolves only once the server has it AND this device has pulled it, so the lists on screen (and
 * the pickers on this phone) show the change. Errors reach the screen to show.
 */

/** A partnership's areas and partner organisations on this device, live, each list by name; undefined while reading. */
export function usePartnershipLists(partnershipId: string): Record<PartnershipList, ListEntry[]> | undefined {
  const { db } = useUserServices();
  return useLiveQuery(async () => {
    const [areas, organisations] = await Promise.all([
      db.areas.where('partnershipId').equals(partnershipId).toArray(),
      db.organisations.where('partnershipId').equals(partnershipId).toArray(),
    ]);
    const byName = (a: ListEntry, b: ListEntry) => a.name.localeCompare(b.name, 'en-GB');
    return { areas: areas.sort(byName), organisations: organisations.sort(byName) };
  }, [db, partnershipId]);
}

export type ListChanges = ReturnType<typeof useListChanges>;

/** Adds, renames, retires and brings back entries of a partnership's lists; then syncs. */
export function useListChanges(partnershipId: string) {
  const { getApi } = useAppServices();
  const { sync } = useUserServices();
  return useMemo(() => {
    const change = async (fn: (api: ReturnType<typeof settingsApi>) => Promise<unknown>): Promise<void> => {
      await fn(settingsApi(await getApi()));
      await sync.syncNow();
    };
    return {
      add: (list: PartnershipList, name: string) => change((a) => a.addEntry(list, partnershipId, { name })),
      change: (list: PartnershipList, entryId: string, body: ListEntryChangeRequest) => change((a) => a.changeEntry(list, partnershipId, entryId, body)),
    };
  }, [getApi, sync, partnershipId]);
}
