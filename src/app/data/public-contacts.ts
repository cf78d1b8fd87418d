import { z } from '../../domain/zod';
import { PublicPartnershipContact } from '../../domain/partnership-details';
import type { Partnership } from '../../domain/plan';
import type { KeyValueStorage } from '../session/device-keys';

/**
 * Whom the accessibility statement and privacy notice name. Signed in: the partnerships on this
 * phone, from their pulled records. Signed out: every hosted partnership's public contact, as
 * the server last listed it, kept on the device so the pages name it offline too. Public
 * information, so it outlives sign-out (session/device-keys.ts lists it).
 */
export const PUBLIC_CONTACTS_KEY = 'fieldbook.public-contacts.v1';

const Cached = z.array(PublicPartnershipContact);

/** The partnership's contact as the pages show it; those whose administrator set none are left for "ask your coordinator". */
export function contactsOf(partnerships: readonly Partnership[]): PublicPartnershipContact[] {
  return partnerships.map((p) => ({
    id: p.id,
    name: p.name,
    contactEmail: p.details?.contactEmail ?? '',
    contactPhone: p.details?.contactPhone ?? '',
    dataController: p.details?.dataController ?? '',
  }));
}

export function readCachedContacts(storage: Pick<KeyValueStorage, 'getItem'>): PublicPartnershipContact[] | null {
  const raw = storage.getItem(PUBLIC_CONTACTS_KEY);
  if (raw === null) return null;
  try {
    const parsed = z.safeParse(Cached, JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function cacheContacts(storage: Pick<KeyValueStorage, 'setItem'>, contacts: readonly PublicPartnershipContact[]): void {
  try {
    storage.setItem(PUBLIC_CONTACTS_KEY, JSON.stringify(contacts));
  } catch {
    // A full or refused storage only means the pages ask people to ask their coordinator offline.
  }
}

/** Only those with a contact to show: the others are covered by "ask your partnership's coordinator". */
export const withContact = (contacts: readonly PublicPartnershipContact[]) => contacts.filter((c) => c.contactEmail !== '');
