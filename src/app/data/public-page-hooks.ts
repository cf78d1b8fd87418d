import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PublicPartnershipContact } from '../../domain/partnership-details';
import { useAppServices, useOptionalUserServices } from '../services/services-context';
import { cacheContacts, contactsOf, readCachedContacts } from './public-contacts';

/**
 * The contacts the accessibility statement and privacy notice name: signed in, the partnerships
 * on this phone; signed out, the server's public list, else the copy kept from the last time,
 * else null ("ask your partnership's coordinator"). undefined while the first answer is awaited.
 */
export function usePublicContacts(): PublicPartnershipContact[] | null | undefined {
  const userServices = useOptionalUserServices();
  const db = userServices?.db;
  const onPhone = useLiveQuery(async () => (db ? contactsOf(await db.partnerships.toArray()) : null), [db]);
  const signedOut = useSignedOutContacts(!db);
  return db ? onPhone : signedOut;
}

function useSignedOutContacts(wanted: boolean): PublicPartnershipContact[] | null | undefined {
  const { getApi } = useAppServices();
  const [contacts, setContacts] = useState<PublicPartnershipContact[] | null | undefined>(() => (wanted ? readCachedContacts(localStorage) ?? undefined : undefined));
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void (async () => {
      try {
        const [api, { partnershipDetailsApi }] = await Promise.all([getApi(), import('../api/partnership-details-api')]);
        const fresh = await partnershipDetailsApi(api).publicContacts();
        cacheContacts(localStorage, fresh);
        if (live) setContacts(fresh);
      } catch {
        if (live) setContacts(readCachedContacts(localStorage));
      }
    })();
    return () => {
      live = false;
    };
  }, [getApi, wanted]);
  return contacts;
}
