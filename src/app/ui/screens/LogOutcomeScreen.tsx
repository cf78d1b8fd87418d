import { Link, useNavigate, useParams } from 'react-router';
import { useActionDetail } from '../../data/plan-hooks';
import { useLogOutcome } from '../../data/outcome-hooks';
import { Loading } from '../components/Loading';
import { OutcomeForm } from '../components/OutcomeForm';

/** Log an outcome against an action: saved to the phone the moment "Save" is tapped. */
export function LogOutcomeScreen() {
  const { actionId = '' } = useParams();
  const detail = useActionDetail(actionId);
  const { save } = useLogOutcome();
  const navigate = useNavigate();
  if (detail === undefined) return <Loading />;
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
  return (
    <div className="page">
      <p className="caption">{detail.action.ref ? `Ref ${detail.action.ref}` : 'Action'}</p>
      <h1>Log an outcome</h1>
      <p className="muted clamp-3">{detail.action.text}</p>
      <OutcomeForm
        actionId={actionId}
        measures={detail.measures.map((m) => m.measure)}
        towns={detail.partnership?.towns ?? []}
        submitLabel="Save outcome"
        onSubmit={async (values) => {
          await save(values);
          void navigate(`/actions/${actionId}`, { replace: true, state: { saved: 'Outcome saved on this phone. It syncs by itself when there is signal.' } });
        }}
      />
    </div>
  );
}
