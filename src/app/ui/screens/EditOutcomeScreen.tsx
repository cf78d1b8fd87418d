import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useActionDetail } from '../../data/action-detail-hooks';
import { useChangeOutcome, useOutcome, useQuarterLock } from '../../data/outcome-hooks';
import { useFormDraft, type DraftHandle } from '../../data/draft-hooks';
import type { ActionDetail } from '../../data/action-detail';
import type { LocalOutcome } from '../../data/types';
import { Loading } from '../components/Loading';
import { OutcomeForm } from '../outcome-form/OutcomeForm';
import { stateFromOutcome, withOfferedArea, type OutcomeFormState } from '../outcome-form/form-state';
import { areaChoices } from '../outcome-form/area-choices';

/** Change an outcome (or fix one the server refused and send it again). Kept as a draft while typed. */
export function EditOutcomeScreen() {
  const { outcomeId = '' } = useParams();
  const outcome = useOutcome(outcomeId);
  const detail = useActionDetail(outcome?.actionId ?? '');
  const drafts = useFormDraft<OutcomeFormState>(`edit:${outcomeId}`);
  const locked = useQuarterLock(outcome);
  if (outcome === undefined || (outcome && detail === undefined) || drafts.draft === undefined || locked === undefined) return <Loading />;
  if (!outcome || !detail) {
    return (
      <div className="page">
        <h1>Outcome not found</h1>
        <p>
          It is no longer on this phone: it may have been deleted. <Link to="/">Go to your actions</Link>.
        </p>
      </div>
    );
  }
  if (locked && outcome.syncState !== 'rejected') {
    return (
      <div className="page">
        <h1>This outcome can no longer be changed</h1>
        <p data-testid="quarter-locked">{locked}</p>
        <p>
          <Link to={`/actions/${outcome.actionId}`}>Back to the action</Link>
        </p>
      </div>
    );
  }
  return <EditOutcomePage outcome={outcome} detail={detail} drafts={drafts} />;
}

function EditOutcomePage({ outcome, detail, drafts }: { outcome: LocalOutcome; detail: ActionDetail; drafts: DraftHandle<OutcomeFormState> }) {
  const { edit, resend } = useChangeOutcome();
  const navigate = useNavigate();
  // The areas in use, and the outcome's own if it has been retired since: kept unless changed.
  const areas = areaChoices(detail.areas, outcome.areaId);
  const [state, setState] = useState<OutcomeFormState>(() =>
    drafts.draft ? withOfferedArea(drafts.draft.values, areas) : stateFromOutcome({ ...outcome, notes: outcome.notes ?? '' }, areas),
  );
  const fixing = outcome.syncState === 'rejected';
  return (
    <div className="page">
      <p className="caption">{detail.action.ref ? `Ref ${detail.action.ref}` : 'Action'}</p>
      <h1>{fixing ? 'Fix and send again' : 'Change this outcome'}</h1>
      {fixing && outcome.rejection && (
        <div className="banner banner--warning" role="status">
          <p>The server did not accept it: {outcome.rejection.message}</p>
        </div>
      )}
      <OutcomeForm
        actionId={outcome.actionId}
        measures={detail.measures.map((m) => m.measure)}
        areas={areas}
        state={state}
        onStateChange={(next) => {
          setState(next);
          drafts.keep(next);
        }}
        typeLocked
        submitLabel={fixing ? 'Save and send again' : 'Save changes'}
        onSubmit={async (values) => {
          // Its area unchanged, the outcome keeps the name it was logged under (a rename since does not rewrite it).
          if (values.areaId === outcome.areaId) values = { ...values, town: outcome.town };
          await (fixing ? resend(outcome.id, values) : edit(outcome.id, values));
          await drafts.discard();
          void navigate(`/actions/${outcome.actionId}`, {
            replace: true,
            state: { saved: 'Changes saved on this phone. They sync by themselves when there is signal.' },
          });
        }}
      />
    </div>
  );
}
