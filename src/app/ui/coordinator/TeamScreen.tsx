import { useState } from 'react';
import { useParams } from 'react-router';
import { useImportUnsynced, useMembers } from '../../data/admin-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { Loading } from '../components/Loading';
import { ConfirmButton } from '../components/ConfirmButton';
import { describeError } from '../describe-error';
import { TableRegion } from '../components/TableRegion';

/** Coordinator view of a partnership's members; deactivating someone ends all their sessions at once. */
export default function TeamScreen() {
  const { partnershipId = '' } = useParams();
  const me = useCurrentUser();
  const { members, error, deactivate } = useMembers(partnershipId);
  const [actionError, setActionError] = useState<string | null>(null);
  const partnership = me.memberships.find((m) => m.partnershipId === partnershipId);
  if (error) return <div className="page"><h1>Team</h1><p className="error-message">{describeError(error, 'The team could not be loaded.')}</p></div>;
  if (!members) return <Loading what="Loading the team" />;

  async function confirm(userId: string) {
    try {
      await deactivate(userId);
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
      <TableRegion label="Team">
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
                  {m.active && m.id !== me.id && <ConfirmButton label="Deactivate" confirmLabel={`Deactivate ${m.name} now`} cancelLabel="Cancel" onConfirm={() => confirm(m.id)} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="muted">Deactivating signs the person out everywhere at once. What they logged stays.</p>
      <ImportUnsynced partnershipId={partnershipId} />
    </div>
  );
}

/** Imports a file an officer saved with "Save unsynced records to a file". */
function ImportUnsynced({ partnershipId }: { partnershipId: string }) {
  const importFile = useImportUnsynced(partnershipId);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function onFile(file: File | undefined) {
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setMessage({ ok: false, text: `${file.name} is not a Fieldbook file.` });
    }
    try {
      const r = await importFile(parsed);
      const refused = r.rejected.length > 0 ? ` ${r.rejected.length} refused: ${r.rejected.map((x) => x.message).join('; ')}` : '';
      setMessage({ ok: r.rejected.length === 0, text: `Imported ${r.applied}; ${r.alreadyApplied} had already arrived.${refused}` });
    } catch (e) {
      setMessage({ ok: false, text: describeError(e, 'The file could not be imported.') });
    }
  }
  return (
    <>
      <h2>Import unsynced records</h2>
      <p>When an officer’s phone could not sync, they can save what was waiting to a file. Import it here: nothing is counted twice, even if the phone syncs later.</p>
      <label className="label" htmlFor="unsynced-file">
        File from an officer
      </label>
      <input id="unsynced-file" type="file" accept="application/json,.json" onChange={(e) => void onFile(e.target.files?.[0])} />
      {message && (
        <p className={message.ok ? 'muted' : 'error-message'} role="status">
          {message.text}
        </p>
      )}
    </>
  );
}
