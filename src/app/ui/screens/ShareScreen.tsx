import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SHARE_PROBLEMS, type ShareProblem } from '../../../domain/share-target';
import { summariseOutcome } from '../../../domain/outcome-types/summary';
import { areaNameOf } from '../../../domain/area-name';
import { useAreasById } from '../../data/area-hooks';
import { useAttachSharedPhotos, useDiscardSharedPhotos, useOutcomesToShareTo, useSharedPhotos } from '../../data/shared-photos-hooks';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PhotoThumb } from '../components/PhotoThumb';
import { Radios } from '../components/Radios';
import { describeError } from '../describe-error';
import { formatDate } from '../format-date';

/**
 * Photos shared to Fieldbook from the camera or gallery (the phone's share sheet): the service
 * worker has kept them on the phone; the officer picks the outcome they are evidence for, and they
 * join it as if picked on its form (resized, uploaded after the record).
 */
export function ShareScreen() {
  const [params] = useSearchParams();
  const problemKey = params.get('problem');
  const problem = problemKey && problemKey in SHARE_PROBLEMS ? SHARE_PROBLEMS[problemKey as ShareProblem] : null;
  const files = useSharedPhotos();
  const outcomes = useOutcomesToShareTo();
  const areas = useAreasById();
  const attach = useAttachSharedPhotos();
  const discard = useDiscardSharedPhotos();
  const navigate = useNavigate();
  const [outcomeId, setOutcomeId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notUsed, setNotUsed] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  if (files === undefined || outcomes === undefined) return <Loading />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = outcomes?.find((o) => o.outcome.id === outcomeId)?.outcome;
    if (!chosen || !files) return setError('Choose the outcome the photos are evidence for');
    setError(null);
    setBusy(true);
    try {
      const result = await attach(files, chosen.id);
      if (result.problems.length === 0) {
        const what = result.attached === 1 ? '1 photo added' : `${result.attached} photos added`;
        void navigate(`/actions/${chosen.actionId}`, { state: { saved: `${what} to the outcome. Photos upload by themselves when there is signal.` } });
        return;
      }
      setNotUsed(result.problems);
    } catch (err) {
      setError(describeError(err, 'The photos could not be added on this phone. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>Add shared photos to an outcome</h1>
      {problem && (
        <div className="banner banner--warning" role="alert" data-testid="share-problem">
          <p>{problem}</p>
        </div>
      )}
      {notUsed.length > 0 && (
        <div className="banner banner--warning" role="alert">
          <p>These could not be used and were not added:</p>
          <ul>
            {notUsed.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {files.length === 0 ? (
        <p>
          No shared photos are waiting. Share a photo to Fieldbook from the camera or gallery, or add one on an outcome’s form.{' '}
          <Link to="/">Go to your actions</Link>.
        </p>
      ) : (
        <>
          <ul className="photo-list" aria-label="Shared photos">
            {files.map((f, i) => (
              <li key={f.id}>
                <PhotoThumb blob={f.blob} alt={`Shared photo ${i + 1}`} />
              </li>
            ))}
          </ul>
          {outcomes.length === 0 ? (
            <p>
              You have no outcomes on this phone to add them to. <Link to="/log">Log the outcome first</Link>; the photos wait here until you come back.
            </p>
          ) : (
            <form onSubmit={(e) => void submit(e)} noValidate>
              <ErrorSummary errors={error ? [{ fieldId: 'share-outcome', message: error }] : []} />
              <Radios
                name="share-outcome"
                legend="Which outcome are they evidence for?"
                error={error ?? undefined}
                value={outcomeId}
                onChange={setOutcomeId}
                options={outcomes.map(({ outcome: o, actionRef }) => ({
                  value: o.id,
                  label: `${actionRef ? `Ref ${actionRef} · ` : ''}${summariseOutcome(o.type, o.details, 1)}`,
                  hint: [formatDate(o.occurredOn), areaNameOf(o, areas)].filter(Boolean).join(' · '),
                }))}
              />
              <button type="submit" className="button" disabled={busy}>
                {busy ? 'Adding…' : files.length === 1 ? 'Add the photo' : `Add ${files.length} photos`}
              </button>
            </form>
          )}
          <button type="button" className="button button--secondary" onClick={() => void discard(files.map((f) => f.id))}>
            Discard shared photos
          </button>
        </>
      )}
    </div>
  );
}
