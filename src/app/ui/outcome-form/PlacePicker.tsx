import { Link, useLocation } from 'react-router';
import { PLACE_KINDS, type PlaceKindId } from '../../../domain/outcome-types/catalogue';
import { usePlacesForPicker } from '../../data/place-hooks';
import { Select } from '../components/Select';

const STATUS_NOTE: Record<string, string> = { withdrawn: ' (withdrew)', closed: ' (closed)' };

/**
 * Which place in the register an outcome is about. Choosing one sets the town to the place's.
 * "Add a place" leaves the form (its draft is kept) and comes back with the new place chosen.
 */
export function PlacePicker({
  kind,
  required,
  value,
  error,
  onChange,
}: {
  /** null until the answers say which register (a sign-up before its scheme is chosen). */
  kind: PlaceKindId | null;
  required: boolean;
  value: string;
  error: string | undefined;
  onChange: (placeId: string, town: string | null) => void;
}) {
  const places = usePlacesForPicker(kind);
  const here = useLocation();
  if (kind === null) return null;
  const register = PLACE_KINDS.find((k) => k.value === kind)?.label ?? 'place';
  const back = encodeURIComponent(`${here.pathname}${here.search}`);
  return (
    <Select
      id="place"
      name="place"
      label={required ? `Which ${register.toLowerCase()}?` : `Which ${register.toLowerCase()}? (optional)`}
      hint="From the register on this phone."
      error={error}
      placeholder={required ? 'Choose…' : 'Not in the register'}
      value={value}
      options={(places ?? []).map((p) => ({ value: p.id, label: `${p.name}, ${p.town}${STATUS_NOTE[p.status] ?? ''}` }))}
      onChange={(placeId) => onChange(placeId, places?.find((p) => p.id === placeId)?.town ?? null)}
      after={
        <p className="field-link">
          <Link to={`/places/new?kind=${kind}&return=${back}`}>Add a place to the register</Link>
        </p>
      }
    />
  );
}
