import { useState } from 'react';
import { resizePhoto, type ResizedPhoto } from '../../photos/resize-photo';
import { PHOTOS_PER_OUTCOME_MAX } from '../../../domain/photo';
import { describeError } from '../describe-error';
import { describedBy } from './Field';
import { PhotoThumb } from './PhotoThumb';

/**
 * "Add photos": the camera or the gallery. Each photo is resized on the phone as soon as it is
 * picked; one that cannot be used is named beside the field and the others are kept.
 */
export function PhotoPicker({
  id,
  photos,
  onChange,
  max = PHOTOS_PER_OUTCOME_MAX,
}: {
  id: string;
  photos: ResizedPhoto[];
  onChange: (photos: ResizedPhoto[]) => void;
  max?: number;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function pick(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    setError(null);
    const added: ResizedPhoto[] = [];
    const problems: string[] = [];
    for (const file of [...files].slice(0, Math.max(0, max - photos.length))) {
      try {
        added.push(await resizePhoto(file));
      } catch (e) {
        problems.push(`${file.name}: ${describeError(e, 'could not be used')}`);
      }
    }
    if (files.length > max - photos.length) problems.push(`At most ${max} photos for one outcome.`);
    onChange([...photos, ...added]);
    setError(problems.length > 0 ? problems.join(' ') : null);
    setBusy(false);
  }
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        Photos (optional)
      </label>
      <div className="hint" id={`${id}-hint`}>
        Evidence such as a sticker in a window or a poster. No faces, number plates or anything else that identifies a person.
      </div>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      {photos.length > 0 && (
        <ul className="photo-list">
          {photos.map((p, i) => (
            <li key={i}>
              <PhotoThumb blob={p.blob} alt={`Photo ${i + 1}`} />
              <button type="button" className="link-button" onClick={() => onChange(photos.filter((_, j) => j !== i))}>
                Remove<span className="visually-hidden"> photo {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {photos.length < max && (
        <input
          className="file-input"
          id={id}
          name={id}
          type="file"
          accept="image/*"
          multiple
          disabled={busy}
          onChange={(e) => {
            void pick(e.target.files);
            e.target.value = '';
          }}
          aria-describedby={describedBy(id, true, error ?? undefined)}
        />
      )}
      {busy && <p role="status">Preparing photos…</p>}
    </div>
  );
}
