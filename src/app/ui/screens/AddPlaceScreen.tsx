import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PLACE_KINDS } from '../../../domain/outcome-types/catalogue';
import { PLACE_STATUSES, type PlaceKind, type PlaceStatus } from '../../../domain/place';
import type { FieldProblem, GeoPoint } from '../../../domain/outcome';
import { LOCATION_GOOD_ENOUGH_M } from '../../../domain/outcome';
import { localIsoDate } from '../../../domain/primitives';
import { useAddPlace } from '../../data/place-hooks';
import { useMyPartnerships } from '../../data/partnership-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';
import { Loading } from '../components/Loading';
import { Radios } from '../components/Radios';
import { LocationField } from '../outcome-form/LocationField';
import { describeError } from '../describe-error';
import { useHoldUpdatesWhile } from '../../pwa/update-hooks';

const INPUT: Record<string, string> = {
  kind: 'kind',
  name: 'name',
  town: 'town',
  address: 'address',
  point: 'location',
  status: 'status',
  joinedOn: 'joined',
  partnershipId: 'kind',
};

/**
 * Adds a place to a register, on the spot and offline. `?return=` brings the officer back to the
 * outcome form they came from (its draft kept), with the new place chosen. Its town is chosen from
 * the partnership's areas in use and kept as the area's name (a place stores the name, not the
 * area's id: a rename later does not follow it, and an outcome at the place finds its area by it).
 */
export function AddPlaceScreen() {
  const partnerships = useMyPartnerships();
  if (!partnerships) return <Loading />;
  return <AddPlaceForm partnerships={partnerships} />;
}

function AddPlaceForm({ partnerships }: { partnerships: { id: string; name: string; areas: { id: string; name: string }[] }[] }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const add = useAddPlace();
  const back = params.get('return');
  const [kind, setKind] = useState<string>(params.get('kind') ?? '');
  const [partnershipId] = useState(partnerships[0]?.id ?? '');
  const areas = partnerships.find((p) => p.id === partnershipId)?.areas ?? [];
  const [name, setName] = useState('');
  const [town, setTown] = useState('');
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<string>('active');
  const [joinedOn, setJoinedOn] = useState(localIsoDate(new Date()));
  const [point, setPoint] = useState<GeoPoint | null>(null);
  const [roughAccepted, setRoughAccepted] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saving, setSaving] = useState(false);
  // This form keeps no draft: once anything is entered, an update must wait for it to be saved.
  useHoldUpdatesWhile(name !== '' || address !== '' || point !== null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldProblem[] = [];
    if (!kind) missing.push({ field: 'kind', message: 'Choose which register the place belongs to' });
    if (!name.trim()) missing.push({ field: 'name', message: 'Enter the name of the place' });
    if (!town) missing.push({ field: 'town', message: 'Choose the area' });
    if (missing.length > 0) return setErrors(toErrors(missing));
    setSaving(true);
    try {
      const keepPoint = point && (point.accuracyM <= LOCATION_GOOD_ENOUGH_M || roughAccepted) ? point : null;
      const place = await add({
        partnershipId,
        kind: kind as PlaceKind,
        name: name.trim(),
        town,
        address: address.trim() || null,
        point: keepPoint,
        status: status as PlaceStatus,
        joinedOn,
      });
      if (back && back.startsWith('/')) void navigate(`${back}${back.includes('?') ? '&' : '?'}place=${place.id}`, { replace: true });
      else void navigate(`/places?kind=${kind}`, { replace: true });
    } catch (err) {
      setSaving(false);
      const problems = (err as { problems?: FieldProblem[] }).problems;
      setErrors(problems ? toErrors(problems) : [{ fieldId: 'kind', message: describeError(err, 'The place could not be saved on this phone. Try again.') }]);
    }
  }
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="page">
      <h1>Add a place</h1>
      <p className="muted">A business or public building in a scheme. Never a home.</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Radios
          name="kind"
          legend="Which register?"
          error={err('kind')}
          value={kind}
          onChange={setKind}
          options={PLACE_KINDS.map((k) => ({ value: k.value, label: k.label }))}
        />
        <Field id="name" label="Name of the place" hint="As on its sign, such as “Didcot Library”" error={err('name')}>
          <input
            className="input"
            id="name"
            name="name"
            type="text"
            autoComplete="off"
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={describedBy('name', true, err('name'))}
          />
        </Field>
        <Radios
          name="town"
          legend="Which area?"
          error={err('town')}
          value={town}
          onChange={setTown}
          options={areas.map((a) => ({ value: a.name, label: a.name }))}
        />
        <Field id="address" label="Address (optional)" hint="The venue’s street address" error={err('address')}>
          <input
            className="input"
            id="address"
            name="address"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            aria-describedby={describedBy('address', true, err('address'))}
          />
        </Field>
        <LocationField
          location={point}
          roughAccepted={roughAccepted}
          error={err('location')}
          onChange={(p, rough) => {
            setPoint(p);
            setRoughAccepted(rough);
          }}
        />
        <Radios
          name="status"
          legend="Is it in the scheme?"
          error={err('status')}
          value={status}
          onChange={setStatus}
          options={PLACE_STATUSES.map((s) => ({ value: s.value, label: s.label }))}
        />
        <Field id="joined" label="When did it join?" error={err('joined')}>
          <input
            className="input input--width-10"
            id="joined"
            name="joined"
            type="date"
            max={localIsoDate(new Date())}
            value={joinedOn}
            onChange={(e) => setJoinedOn(e.target.value)}
            aria-describedby={describedBy('joined', false, err('joined'))}
          />
        </Field>
        <div className="sticky-actions">
          <button className="button button--block" type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save place'}
          </button>
        </div>
      </form>
    </div>
  );
}

function toErrors(problems: FieldProblem[]): FormError[] {
  return problems.map((p) => ({ fieldId: INPUT[p.field.split('.')[0]!] ?? 'kind', message: p.message }));
}
