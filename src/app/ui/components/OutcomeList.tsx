import { Link } from 'react-router';
import { useState } from 'react';
import { summariseOutcome } from '../../../domain/outcome-types/summary';
import { areaNameOf } from '../../../domain/area-name';
import { PHOTOS_PER_OUTCOME_MAX } from '../../../domain/photo';
import type { ResizedPhoto } from '../../photos/resize-photo';
import { describeError } from '../describe-error';
import { PhotoPicker } from './PhotoPicker';
import { PhotoThumb } from './PhotoThumb';
import type { LocalOutcome, LocalPhoto } from '../../data/types';
import { formatDate } from '../format-date';
import { ConfirmButton } from './ConfirmButton';

/** Where each record stands, in the officer's words. */
export function recordStatus(o: Pick<LocalOutcome, 'syncState'>, syncing: boolean): { label: string; tone: string } {
  if (o.syncState === 'rejected') return { label: 'Needs attention', tone: 'rejected' };
  if (o.syncState === 'pending') return syncing ? { label: 'Syncing…', tone: 'pending' } : { label: 'Saved on this phone', tone: 'pending' };
  return { label: 'Synced', tone: 'synced' };
}

/** Outcomes with their sync state, so the officer can see exactly what has reached the server. */
export function OutcomeList({
  outcomes,
  areas,
  syncing,
  canChange,
  historyLink,
  canRepeat,
  onDelete,
  photos,
  onAddPhotos,
}: {
  outcomes: LocalOutcome[];
  /** The partnership's areas by id: each outcome is shown in its area under the name it goes by now. */
  areas: ReadonlyMap<string, { name: string }>;
  syncing: boolean;
  canChange: (o: LocalOutcome) => boolean;
  /** Coordinators get a link to each outcome's change history. */
  historyLink?: (o: LocalOutcome) => string | undefined;
  onDelete: (id: string) => Promise<void>;
  /** The officer's own outcomes can be the start of the next one. */
  canRepeat?: (o: LocalOutcome) => boolean;
  /** The photos kept on this phone, by outcome. */
  photos?: Map<string, LocalPhoto[]>;
  /** The author adds photos to an outcome already saved. */
  onAddPhotos?: (outcomeId: string, photos: ResizedPhoto[]) => Promise<void>;
}) {
  if (outcomes.length === 0) return <p className="muted">Nothing logged yet.</p>;
  return (
    <ul className="outcomes" data-testid="outcome-list">
      {outcomes.map((o) => {
        const status = recordStatus(o, syncing);
        const history = historyLink?.(o);
        return (
          <li key={o.id} className="outcome" data-testid={`outcome-${o.id}`}>
            <div className="outcome__head">
              <span>{formatDate(o.occurredOn)}</span>
              <span className={`tag tag--${status.tone}`}>{status.label}</span>
            </div>
            <p className="outcome__measure">{summariseOutcome(o.type, o.details)}</p>
            <p className="muted">
              {areaNameOf(o, areas) ?? 'Not about one area'} · {o.authorName}
            </p>
            {o.notes && <p className="outcome__notes">{o.notes}</p>}
            <OutcomePhotos photos={photos?.get(o.id) ?? []} />
            {onAddPhotos && canChange(o) && <AddPhotos outcomeId={o.id} count={photos?.get(o.id)?.length ?? 0} onAdd={onAddPhotos} />}
            {canRepeat?.(o) && (
              <p className="outcome__actions">
                <Link to={`/actions/${o.actionId}/log?again=${o.id}`}>Log another like this</Link>
              </p>
            )}
            {o.rejection && <p className="error-message">{o.rejection.message}</p>}
            {(canChange(o) || history) && (
              <p className="outcome__actions">
                {canChange(o) && <Link to={`/outcomes/${o.id}/edit`}>{o.syncState === 'rejected' ? 'Fix and send again' : 'Change'}</Link>}
                {canChange(o) && <ConfirmButton label="Delete" confirmLabel="Delete it" onConfirm={() => onDelete(o.id)} />}
                {history && <Link to={history}>History</Link>}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const UPLOAD_LABEL: Record<LocalPhoto['uploadState'], string> = { waiting: 'Waiting to upload', uploaded: 'Uploaded', refused: 'Not accepted' };

/** Each photo with where it stands: on this phone waiting, uploaded, or refused with the reason. */
function OutcomePhotos({ photos }: { photos: LocalPhoto[] }) {
  if (photos.length === 0) return null;
  return (
    <ul className="photo-list" aria-label="Photos">
      {photos.map((p, i) => (
        <li key={p.id} data-testid={`photo-${p.id}`}>
          <PhotoThumb blob={p.blob} alt={`Photo ${i + 1}`} />
          <span className={`tag tag--${p.uploadState === 'uploaded' ? 'synced' : p.uploadState === 'refused' ? 'rejected' : 'pending'}`}>
            {UPLOAD_LABEL[p.uploadState]}
          </span>
          {p.refusal && <span className="error-message">{p.refusal}</span>}
        </li>
      ))}
    </ul>
  );
}

function AddPhotos({ outcomeId, count, onAdd }: { outcomeId: string; count: number; onAdd: (outcomeId: string, photos: ResizedPhoto[]) => Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <PhotoPicker
        id={`add-photos-${outcomeId}`}
        photos={[]}
        max={PHOTOS_PER_OUTCOME_MAX - count}
        onChange={(picked) => {
          setProblem(null);
          onAdd(outcomeId, picked).catch((e: unknown) => setProblem(describeError(e, 'The photos could not be kept on this phone.')));
        }}
      />
      {problem && <p className="error-message">{problem}</p>}
    </>
  );
}
