import { useState } from 'react';
import type { Member } from '../../../domain/account';
import { mayGrantRole, ROLE_LABEL, ROLES } from '../../../domain/roles';
import type { Role } from '../../../domain/user';
import type { useMembers } from '../../data/admin-hooks';
import { ConfirmButton } from '../components/ConfirmButton';

type Team = ReturnType<typeof useMembers>;

const A_ROLE: Record<Role, string> = { viewer: 'a viewer', officer: 'an officer', coordinator: 'a coordinator', admin: 'an administrator' };

/**
 * One member of the Team table: their role here (a select and Save, offering only the roles the
 * coordinator may give), deactivate or reactivate. Nobody changes their own role or deactivates
 * themselves, and only an administrator acts on an administrator.
 */
export function MemberRow({
  member: m,
  myRole,
  isMe,
  team,
  act,
  error,
}: {
  member: Member;
  myRole: Role;
  isMe: boolean;
  team: Pick<Team, 'changeRole' | 'deactivate' | 'reactivate'>;
  act: (fieldId: string, fallback: string, change: () => Promise<unknown>, done: string) => Promise<void>;
  /** A refused role change, shown by the select. */
  error?: string;
}) {
  const [role, setRole] = useState<Role>(m.role);
  const [busy, setBusy] = useState(false);
  // The list was read again with another role for them: the select follows the server.
  const [serverRole, setServerRole] = useState(m.role);
  if (serverRole !== m.role) {
    setServerRole(m.role);
    setRole(m.role);
  }
  const offered = ROLES.filter((r) => r === m.role || mayGrantRole(myRole, m.role, r));
  const mayActOn = !isMe && (m.role !== 'admin' || myRole === 'admin');
  const rowId = `member-${m.id}`;
  const roleId = `role-${m.id}`;

  async function saveRole() {
    setBusy(true);
    await act(roleId, 'The role could not be changed. Try again.', () => team.changeRole(m.id, role), `${m.name} is now ${A_ROLE[role]} in this partnership.`);
    setBusy(false);
  }

  return (
    <tr>
      {/* Focusable so the error summary can take the coordinator to the row it is about. */}
      <th scope="row" id={rowId} tabIndex={-1}>
        {m.name}
        <span className="progress-table__who">{m.email}</span>
      </th>
      <td>
        {mayActOn && offered.length > 1 ? (
          <div className={error ? 'form-group--error' : undefined}>
            <label className="visually-hidden" htmlFor={roleId}>
              Role of {m.name}
            </label>
            {error && (
              <p className="error-message" id={`${roleId}-error`}>
                <span className="visually-hidden">Error:</span> {error}
              </p>
            )}
            <select
              className="select select--inline"
              id={roleId}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              aria-describedby={error ? `${roleId}-error` : undefined}
            >
              {offered.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>{' '}
            <button type="button" className="button button--small button--secondary" disabled={busy || role === m.role} onClick={() => void saveRole()}>
              Save <span className="visually-hidden">the role of {m.name}</span>
            </button>
          </div>
        ) : (
          ROLE_LABEL[m.role]
        )}
        <span className="progress-table__who">{m.jobTitle}</span>
      </td>
      <td>{m.active ? 'Active' : 'Deactivated'}</td>
      <td>
        {mayActOn &&
          (m.active ? (
            <ConfirmButton
              label="Deactivate"
              confirmLabel={`Deactivate ${m.name} now`}
              cancelLabel="Cancel"
              onConfirm={() =>
                act(rowId, 'Could not deactivate. Try again.', () => team.deactivate(m.id), `${m.name} is deactivated and signed out everywhere.`)
              }
            />
          ) : (
            <button
              type="button"
              className="link-button"
              onClick={() => void act(rowId, 'Could not reactivate. Try again.', () => team.reactivate(m.id), `${m.name} can sign in again.`)}
            >
              Reactivate <span className="visually-hidden">{m.name}</span>
            </button>
          ))}
      </td>
    </tr>
  );
}
