import type { PartnershipDetailsUpdate } from '../../domain/partnership-details';
import * as details from '../../domain/api/partnership-details';
import type { ApiClient } from './api-client';

export type PartnershipDetailsApi = ReturnType<typeof partnershipDetailsApi>;

/**
 * What prints on reports (an administrator changes it) and the partnerships' public contacts
 * (read signed out). Only the settings screen and the public pages import this file, so it stays
 * off every first load.
 */
export function partnershipDetailsApi(api: Pick<ApiClient, 'call'>) {
  const { call } = api;
  return {
    changeDetails: (partnershipId: string, body: PartnershipDetailsUpdate) => call(details.changeDetails, { params: { partnershipId }, body }),
    publicContacts: async () => (await call(details.publicContacts, {})).partnerships,
  };
}
