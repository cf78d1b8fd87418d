import { Link, useSearchParams } from 'react-router';
import { PLACE_KINDS } from '../../../domain/outcome-types/catalogue';
import { PLACE_STATUSES, type PlaceKind, type PlaceStatus } from '../../../domain/place';
import { localIsoDate } from '../../../domain/primitives';
import { useState } from 'react';
import { useChangePlaceStatus, useRegister } from '../../data/place-hooks';
import { describeError } from '../describe-error';
import { dueForFollowUp, type PlaceWithVisits } from '../../data/places';
import { Loading } from '../components/Loading';
import { Select } from '../components/Select';
import { formatDate } from '../format-date';

const FOLLOW_UP_MONTHS = [3, 6, 12] as const;

/**
 * The place registers: Safe Places, reporting centres, Hotel Watch hotels, licensed premises.
 * "Due a follow-up" lists the places in the scheme not visited for the chosen number of months,
 * longest-waiting first: the list an officer plans a round of visits from.
 */
export function PlacesScreen() {
  const [params, setParams] = useSearchParams();
  const kind: PlaceKind = PLACE_KINDS.find((k) => k.value === params.get('kind'))?.value ?? 'safe-place';
  const due = Number(params.get('due') ?? 0);
  const register = useRegister(kind);
  const set = (patch: Record<string, string>) => setParams({ kind, ...(due ? { due: String(due) } : {}), ...patch }, { replace: true });
  if (!register) return <Loading what="Loading the register" />;
  const shown = due ? dueForFollowUp(register, due, localIsoDate(new Date())) : register;
  return (
    <div className="page">
      <h1>Places</h1>
      <Select
        id="register"
        label="Register"
        value={kind}
        options={PLACE_KINDS.map((k) => ({ value: k.value, label: /premises$/.test(k.label) ? k.label : `${k.label}s` }))}
        onChange={(v) => set({ kind: v })}
      />
      <Select
        id="due"
        label="Show"
        value={String(due)}
        options={[
          { value: '0', label: 'Every place' },
          ...FOLLOW_UP_MONTHS.map((m) => ({ value: String(m), label: `Due a follow-up: not visited for ${m} months` })),
        ]}
        onChange={(v) => setParams(v === '0' ? { kind } : { kind, due: v }, { replace: true })}
      />
      <p>
        <Link className="button button--secondary" to={`/places/new?kind=${kind}`}>
          Add a place
        </Link>
      </p>
      {shown.length === 0 ? (
        <p className="muted" data-testid="places-empty">
          {due ? `Every place in the scheme has been visited in the last ${due} months.` : 'No places in this register yet.'}
        </p>
      ) : (
        <ul className="outcomes" data-testid="place-list">
          {shown.map((r) => (
            <PlaceItem key={r.place.id} entry={r} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PlaceItem({ entry: { place, lastVisitOn, visits } }: { entry: PlaceWithVisits }) {
  const changeStatus = useChangePlaceStatus();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <li className="outcome" data-testid={`place-${place.id}`}>
      <div className="outcome__head">
        <strong>{place.name}</strong>
        {place.syncState === 'pending' && <span className="tag tag--pending">Saved on this phone</span>}
        {place.syncState === 'rejected' && <span className="tag tag--rejected">Needs attention</span>}
      </div>
      <p className="muted">
        {place.town} · {PLACE_STATUSES.find((s) => s.value === place.status)?.label} since {formatDate(place.joinedOn)}
      </p>
      <p>{lastVisitOn ? `Last visited ${formatDate(lastVisitOn)} (${visits} ${visits === 1 ? 'visit' : 'visits'})` : 'Not visited yet'}</p>
      <div className="inline-field">
        <label htmlFor={`status-${place.id}`}>Status</label>
        <select
          className="select select--inline"
          id={`status-${place.id}`}
          value={place.status}
          onChange={(e) => {
            setProblem(null);
            changeStatus(place.id, e.target.value as PlaceStatus).catch((err: unknown) =>
              setProblem(describeError(err, 'The change could not be saved on this phone.')),
            );
          }}
        >
          {PLACE_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {problem && <p className="error-message">{problem}</p>}
    </li>
  );
}
