import { useState } from 'react';
import { useParams } from 'react-router';
import { useImportUnsynced, useMembers } from '../../data/admin-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { Loading } from '../components/Loading';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { describeError } from '../describe-error';
import { TableRegion } from '../components/TableRegion';
import { AddMemberForm } from './AddMemberForm';
import { MemberRow } from './MemberRow';
import { CoordinatorNav } from './CoordinatorNav';

/**
 * A partnership's members as its coordinators manage them: add someone, change a role, deactivate
 * (which ends all their sessions at once) and reactivate. Each person's role here is this
 * partnership's: they may hold another elsewhere. The server checks every rule again.
 */
export default function TeamScreen() {
  const { partnershipId = '' } = useParams();
  const me = useCurrentUser();
  const team = useMembers(partnershipId);
  // One error summary for the page: the table's changes and the form report to it.
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const partnership = me.memberships.find((m) => m.partnershipId === partnershipId);
  if (team.error)
    return (
      <div className="page">
        <h1>Team</h1>
        <p className="error-message">{describeError(team.error, 'The team could not be loaded.')}</p>
      </div>
    );
  if (!team.members) return <Loading what="Loading the team" />;
  // The server decides; this only hides what it would refuse (a stale session may be behind it).
  const myRole = partnership?.role ?? 'officer';

  /** Runs one change to a member: said when done, or the refusal goes to the summary, linked to where it happened. */
  async function act(fieldId: string, fallback: string, change: () => Promise<unknown>, doneMessage: string) {
    setDone(null);
    try {
      await change();
      setErrors([]);
      setDone(doneMessage);
    } catch (e) {
      setErrors([{ fieldId, message: describeError(e, fallback) }]);
    }
  }

  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={partnershipId} />
      <p className="caption">{partnership?.partnershipName}</p>
      <h1>Team</h1>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="banner banner--success" role="status">
          <p>{done}</p>
        </div>
      )}
      <TableRegion label="Team">
        <table className="progress-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role in this partnership</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <MemberRow
                key={m.id}
                member={m}
                myRole={myRole}
                isMe={m.id === me.id}
                act={act}
                team={team}
                error={errors.find((e) => e.fieldId === `role-${m.id}`)?.message}
              />
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="muted">Deactivating signs the person out everywhere at once, in every partnership they belong to. What they logged stays.</p>
      <AddMemberForm
        myRole={myRole}
        add={team.add}
        errors={errors}
        setErrors={(next) => {
          // The form says what it did in its own panel.
          setDone(null);
          setErrors(next);
        }}
      />
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
      <p>
        When an officer’s phone could not sync, they can save what was waiting to a file. Import it here: nothing is counted twice, even if the phone syncs
        later.
      </p>
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
