import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { localIsoDate } from '../../../domain/primitives';
import { useActionDetail } from '../../data/action-detail-hooks';
import { useLogOutcome, useOutcomeToRepeat } from '../../data/outcome-hooks';
import { useFormDraft, useLastArea, type DraftHandle } from '../../data/draft-hooks';
import { useAttachPhotos } from '../../data/photo-hooks';
import { useHoldUpdatesWhile } from '../../pwa/update-hooks';
import type { ResizedPhoto } from '../../photos/resize-photo';
import type { ActionDetail } from '../../data/action-detail';
import type { LocalOutcome } from '../../data/types';
import { Loading } from '../components/Loading';
import { OutcomeForm } from '../outcome-form/OutcomeForm';
import { emptyState, stateFromOutcome, withOfferedArea, type OutcomeFormState } from '../outcome-form/form-state';
import { areaChoices, areaNamed } from '../outcome-form/area-choices';
import { formatTime } from '../format-date';
import { describeError } from '../describe-error';

/**
 * Log an outcome against an action: saved to the phone the moment "Save" is tapped. What is typed
 * is kept as a draft as it is typed, so a killed app, a call or a flat battery costs nothing.
 * `?again=<outcomeId>` starts from an earlier outcome (a repeat visit in four taps).
 */
export function LogOutcomeScreen() {
  const { actionId = '' } = useParams();
  const [search] = useSearchParams();
  const again = search.get('again');
  const chosenPlace = search.get('place');
  const detail = useActionDetail(actionId);
  const repeat = useOutcomeToRepeat(again);
  const lastArea = useLastArea();
  const draftKey = `log:${actionId}`;
  const drafts = useFormDraft<OutcomeFormState>(draftKey);
  if (detail === undefined || repeat === undefined || lastArea === undefined || drafts.draft === undefined) return <Loading />;
  if (detail === null) {
    return (
      <div className="page">
        <h1>Action not found</h1>
        <p>
          This action is not on this phone. <Link to="/log">Choose another action</Link>.
        </p>
      </div>
    );
  }
  return <LogOutcomePage detail={detail} repeat={repeat} lastArea={lastArea} draftKey={draftKey} drafts={drafts} chosenPlace={chosenPlace} />;
}

function LogOutcomePage({
  detail,
  repeat,
  lastArea,
  draftKey,
  drafts,
  chosenPlace,
}: {
  /** A place just added to the register from this form ("Add a place"): chosen on return. */
  chosenPlace: string | null;
  detail: ActionDetail;
  repeat: LocalOutcome | null;
  lastArea: { areaId: string | null; town: string | null };
  draftKey: string;
  drafts: DraftHandle<OutcomeFormState>;
}) {
  const { save } = useLogOutcome();
  const attach = useAttachPhotos();
  // Photos are not part of the draft (they are large); they are attached right after the save.
  const [photos, setPhotos] = useState<ResizedPhoto[]>([]);
  // ...so they exist only on screen until saved: an update must not reload over them.
  useHoldUpdatesWhile(photos.length > 0);
  const navigate = useNavigate();
  const measures = detail.measures.map((m) => m.measure);
  // The areas in use: a retired one is never offered for a new outcome.
  const areas = areaChoices(detail.areas);
  const fresh = () => {
    const today = localIsoDate(new Date());
    if (repeat && repeat.actionId === detail.action.id)
      return withOfferedArea({ ...stateFromOutcome({ ...repeat, notes: '' }, areas), occurredOn: today, location: null, roughLocationAccepted: false }, areas);
    // The officer's last area, while it is in use (by its name, for a phone that has logged nothing since areas were records).
    const last = areas.find((a) => a.id === lastArea.areaId) ?? areaNamed(areas, lastArea.town);
    return emptyState(today, last?.id ?? null, measures);
  };
  // Opened once: a draft wins over a fresh form (it is what the officer was typing).
  const [restoredAt, setRestoredAt] = useState(() => drafts.draft?.updatedAt ?? null);
  const [state, setState] = useState<OutcomeFormState>(() => {
    const start = drafts.draft ? withOfferedArea(drafts.draft.values, areas) : fresh();
    return chosenPlace ? { ...start, placeId: chosenPlace } : start;
  });
  const change = (next: OutcomeFormState) => {
    setState(next);
    drafts.keep(next);
  };
  return (
    <div className="page">
      <p className="caption">{detail.action.ref ? `Ref ${detail.action.ref}` : 'Action'}</p>
      <h1>Log an outcome</h1>
      <p className="muted clamp-3">{detail.action.text}</p>
      {restoredAt && (
        <div className="banner banner--success" role="status" data-testid="draft-restored">
          <p>You were part-way through this at {formatTime(restoredAt)}. Everything you entered is here.</p>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              void drafts.discard();
              setRestoredAt(null);
              setState(fresh());
            }}
          >
            Start again
          </button>
        </div>
      )}
      {drafts.problem && (
        <div className="banner banner--warning" role="alert">
          <p>{drafts.problem}</p>
        </div>
      )}
      <OutcomeForm
        actionId={detail.action.id}
        measures={measures}
        areas={areas}
        state={state}
        onStateChange={change}
        submitLabel="Save outcome"
        photos={{ value: photos, onChange: setPhotos }}
        onSubmit={async (values, options) => {
          const saved = await save(values, { ...options, draftKey });
          // The outcome is committed; its photos follow in their own transaction and never hold it up.
          let photoProblem = null as string | null;
          await attach(saved.id, photos).catch((e: unknown) => {
            photoProblem = describeError(e, 'the phone could not store them');
          });
          const message = photoProblem
            ? `Outcome saved on this phone, but its photos were not: ${photoProblem}. Add them again from the outcome.`
            : 'Outcome saved on this phone. It syncs by itself when there is signal.';
          void navigate(`/actions/${detail.action.id}`, { replace: true, state: { saved: message } });
        }}
      />
    </div>
  );
}
