import { Link, useNavigate, useParams } from 'react-router';
import { useActionDetail } from '../../data/plan-hooks';
import { useChangeOutcome, useOutcome } from '../../data/outcome-hooks';
import { Loading } from '../components/Loading';
import { OutcomeForm } from '../components/OutcomeForm';

/** Change an outcome (or fix one the server refused and send it again). */
export function EditOutcomeScreen() {
  const { outcomeId = '' } = useParams();
  const outcome = useOutcome(outcomeId);
  const detail = useActionDetail(outcome?.actionId ?? '');
  const { edit, resend } = useChangeOutcome();
  const navigate = useNavigate();
  if (outcome === undefined || (outcome && detail === undefined)) return <Loading />;
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
        towns={detail.partnership?.towns ?? []}
        initial={{ ...outcome, notes: outcome.notes ?? '' }}
        submitLabel={fixing ? 'Save and send again' : 'Save changes'}
        onSubmit={async (values) => {
          await (fixing ? resend(outcomeId, values) : edit(outcomeId, values));
          void navigate(`/actions/${outcome.actionId}`, { replace: true, state: { saved: 'Changes saved on this phone. They sync by themselves when there is signal.' } });
        }}
      />
    </div>
  );
}
