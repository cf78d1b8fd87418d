import { useParams } from 'react-router';
import type { AuditAction } from '../../../domain/audit';
import { useAuditLog } from '../../data/admin-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { Loading } from '../components/Loading';
import { describeError } from '../describe-error';
import { TableRegion } from '../components/TableRegion';
import { CoordinatorNav } from './CoordinatorNav';

// Typed against the domain's list, so a new audit action cannot ship without its label.
const ACTION_LABEL: Record<AuditAction, string> = {
  'partnership.created': 'Partnership created',
  'area.added': 'Area added',
  'area.changed': 'Area renamed, retired or brought back',
  'organisation.added': 'Partner organisation added',
  'organisation.changed': 'Partner organisation renamed, retired or brought back',
  'plan.created': 'Plan created',
  'plan.changed': 'Plan title or period changed',
  'plan.imported': 'Plan imported',
  'action.added': 'Action added',
  'action.changed': 'Action changed',
  'action.merged': 'Action merged into another',
  'action.removed': 'Action taken out of the plan',
  'measure.added': 'Measure added',
  'measure.changed': 'Measure changed',
  'measure.removed': 'Measure taken out of the plan',
  'review.saved': 'Quarterly review of an action saved',
  'quarter.signed-off': 'Quarter signed off',
  'quarter.reopened': 'Quarter reopened for correction',
  'fund-return.saved': 'PCC fund return saved',
  'outcome.created': 'Outcome logged',
  'outcome.changed': 'Outcome changed',
  'outcome.deleted': 'Outcome deleted',
  'outcomes.imported': 'Unsynced outcomes imported from a file',
  'place.created': 'Place added to a register',
  'place.changed': 'Place changed',
  'photo.attached': 'Photo attached',
  'member.added': 'Member added',
  'member.deactivated': 'Member deactivated',
  'member.role-changed': 'Member’s role or job title changed',
  'member.reactivated': 'Member reactivated',
  'account.password-changed': 'Password changed',
  'account.password-set': 'Password set by an administrator',
  'partnership.details-changed': 'What prints on reports changed',
};
const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Who did what, newest first, with a CSV download for the scrutiny file. */
export default function AuditLogScreen() {
  const { partnershipId = '' } = useParams();
  const me = useCurrentUser();
  const log = useAuditLog(partnershipId);
  const partnership = me.memberships.find((m) => m.partnershipId === partnershipId);
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={partnershipId} />
      <p className="caption">{partnership?.partnershipName}</p>
      <h1>Audit log</h1>
      <p>
        <a href={log.csvUrl} download>
          Download the whole log (CSV)
        </a>
      </p>
      {log.error !== null && <p className="error-message">{describeError(log.error, 'The audit log could not be loaded.')}</p>}
      {!log.loaded && log.error === null ? (
        <Loading what="Loading the audit log" />
      ) : (
        <TableRegion label="Audit log">
          <table className="progress-table" data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => (
                <tr key={e.id}>
                  <td>{when.format(new Date(e.at))}</td>
                  <td>{e.actorName ?? 'System'}</td>
                  <td>{ACTION_LABEL[e.action as AuditAction] ?? e.action}</td>
                  <td className="muted">
                    {Object.entries(e.details)
                      .filter(([, v]) => v !== null && v !== undefined)
                      .map(([k, v]) => `${k}: ${String(v)}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {log.loadOlder && (
        <button type="button" className="button button--secondary" onClick={log.loadOlder} disabled={log.loading}>
          Show older entries
        </button>
      )}
    </div>
  );
}
