import { describe, expect, it } from 'vitest';
import { cacheContacts, contactsOf, PUBLIC_CONTACTS_KEY, readCachedContacts, withContact } from '../../../src/app/data/public-contacts';

/** The contacts the public pages name: from the phone's partnership records, or the kept copy of the public list. */
describe('the public pages’ contacts', () => {
  const contact = { id: 'p1', name: 'Cherwell CSP', contactEmail: 'csp@cherwell.example', contactPhone: '', dataController: 'Cherwell District Council' };

  it('keep the public list on the device and read back only a well-formed copy', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readCachedContacts(storage)).toBeNull();
    cacheContacts(storage, [contact]);
    expect(readCachedContacts(storage)).toEqual([contact]);
    store.set(PUBLIC_CONTACTS_KEY, '{not json');
    expect(readCachedContacts(storage)).toBeNull();
    store.set(PUBLIC_CONTACTS_KEY, JSON.stringify([{ id: 'p1' }]));
    expect(readCachedContacts(storage)).toBeNull();
  });

  it('leave out partnerships with no contact set, including a phone’s copy from before partnerships had one', () => {
    const contacts = contactsOf([
      {
        id: 'p1',
        name: 'Cherwell CSP',
        towns: [],
        details: { protectiveMarking: 'OFFICIAL', contactEmail: contact.contactEmail, contactPhone: '', dataController: contact.dataController },
      },
      { id: 'p2', name: 'Old copy CSP', towns: [] },
    ]);
    expect(withContact(contacts)).toEqual([contact]);
  });
});
