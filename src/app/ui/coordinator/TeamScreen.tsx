import { useState } from 'react';
import { useParams } from 'react-router';
import { useMembers } from '../../data/admin-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { Loading } from '../components/Loading';
import { describeError } from '../describe-error';

/** Coordinator view of a partnership's members; deactivating someone ends all their sessions at once. */
export default function TeamScreen() {
  const { partnershipId = '' } = useParams();
  const me = useCurrentUser();
  const { members, error, deactivate } = useMembers(partnershipId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const partnership = me.memberships.find((m) => m.partnershipId === partnershipId);
  if (error) return <div className="page"><h1>Team</h1><p className="error-message">{describeError(error, 'The team could not be loaded.')}</p></div>;
  if (!members) return <Loading what="Loading the team" />;

  async function confirm(userId: string) {
    try {
      await deactivate(userId);
      setConfirming(null);
      setActionError(null);
    } catch (e) {
      setActionError(describeError(e, 'Could not deactivate. Try again.'));
    }
  }

  return (
    <div className="page page--wide">
      <p className="caption">{partnership?.partnershipName}</p>
      <h1>Team</h1>
      {actionError && <p className="error-message">{actionError}</p>}
      <table className="progress-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.name}
                <span className="progress-table__who">{m.email}</span>
              </th>
              <td>
                {m.role === 'coordinator' ? 'Coordinator' : 'Officer'}
                <span className="progress-table__who">{m.jobTitle}</span>
              </td>
              <td>{m.active ? 'Active' : 'Deactivated'}</td>
              <td>
                {m.active && m.id !== me.id && (confirming === m.id ? (
                  <span>
                    <button type="button" className="button button--small button--warning" onClick={() => void confirm(m.id)}>
                      Deactivate {m.name} now
                    </button>{' '}
                    <button type="button" className="button button--small button--secondary" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button button--small button--secondary" onClick={() => setConfirming(m.id)}>
                    Deactivate
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Deactivating signs the person out everywhere at once. What they logged stays.</p>
    </div>
  );
}
