import type { PublicPartnershipContact } from '../../../domain/partnership-details';
import { withContact } from '../../data/public-contacts';

/**
 * Whom to contact, from the partnership's own settings: those on this phone when signed in, the
 * server's public list (or the copy kept from it) when signed out. None known: ask the coordinator.
 */
export function PartnershipContacts({ contacts, about }: { contacts: PublicPartnershipContact[] | null | undefined; about: 'accessibility' | 'privacy' }) {
  if (contacts === undefined) return <p className="muted">Finding your partnership’s contact…</p>;
  const known = withContact(contacts ?? []);
  if (known.length === 0) {
    return (
      <p data-testid="contact-unknown">
        Ask your partnership’s coordinator: they can tell you whom to contact about {about === 'accessibility' ? 'accessibility' : 'your data'}.
      </p>
    );
  }
  return (
    <ul className="link-list" data-testid="contacts">
      {known.map((c) => (
        <li key={c.id}>
          <strong>{c.name}</strong>
          {about === 'privacy' && c.dataController && <> (data controller: {c.dataController})</>}: email <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a>
          {c.contactPhone && (
            <>
              , phone <a href={`tel:${c.contactPhone.replace(/[^+0-9]/g, '')}`}>{c.contactPhone}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
