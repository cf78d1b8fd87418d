import type { NewListEntryRequest, ListEntryChangeRequest, PartnershipList } from '../../domain/partnership-lists';
import * as lists from '../../domain/api/partnership-lists';
import type { ApiClient } from './api-client';

export type SettingsApi = ReturnType<typeof settingsApi>;

const ENDPOINTS = {
  areas: { add: lists.addArea, change: lists.changeArea },
  organisations: { add: lists.addOrganisation, change: lists.changeOrganisation },
} as const;

/**
 * What a partnership's administrators ask of the server to keep its areas and partner
 * organisations (the settings screen), over the app's one API client. Only the settings screen
 * imports this file, so no other screen downloads it. Each answer is the entry as the server now
 * holds it.
 */
export function settingsApi(api: Pick<ApiClient, 'call'>) {
  const { call } = api;
  return {
    addEntry: async (list: PartnershipList, partnershipId: string, body: NewListEntryRequest) =>
      (await call(ENDPOINTS[list].add, { params: { partnershipId }, body })).entry,
    changeEntry: async (list: PartnershipList, partnershipId: string, entryId: string, body: ListEntryChangeRequest) =>
      (await call(ENDPOINTS[list].change, { params: { partnershipId, entryId }, body })).entry,
  };
}
