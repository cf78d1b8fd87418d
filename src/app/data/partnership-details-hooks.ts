import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PartnershipDetailsResponse, PartnershipDetailsUpdate } from '../../domain/partnership-details';
import { administersPartnership } from '../../domain/partnership-access';
import type { Partnership } from '../../domain/plan';
import { useAppServices, useUserServices } from '../services/services-context';

/** The partnerships this user administers, as their phone holds them (with what prints on their reports), by name. */
export function useAdministeredPartnerships(): Partnership[] | undefined {
  const { db, user } = useUserServices();
  return useLiveQuery(
    async () => (await db.partnerships.toArray()).filter((p) => administersPartnership(user, p.id)).sort((a, b) => a.name.localeCompare(b.name)),
    [db, user],
  );
}

/**
 * Sends an administrator's change to the server (online, at a desk) and then syncs, so this
 * phone's copy of the partnership, and every report it prints, follow at once. Errors go to the form.
 */
export function useChangeDetails(): (partnershipId: string, req: PartnershipDetailsUpdate) => Promise<PartnershipDetailsResponse> {
  const { getApi } = useAppServices();
  const { sync } = useUserServices();
  return useCallback(
    async (partnershipId, req) => {
      const [api, { partnershipDetailsApi }] = await Promise.all([getApi(), import('../api/partnership-details-api')]);
      const answer = await partnershipDetailsApi(api).changeDetails(partnershipId, req);
      void sync.syncNow().catch(() => undefined);
      return answer;
    },
    [getApi, sync],
  );
}
