import type { ChangeMemberRequest, Member } from '../../domain/account';
import { hasCoordinatorRights, mayGrantRole } from '../../domain/roles';
import type { AuthContext } from '../auth/authenticate';
import { requireCoordinator } from '../auth/authorize';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';
import { partnershipLeftWithoutCoordinator } from './coordinator-guard';

const forbidden = (message: string) => new HttpError(403, 'forbidden', `${message}.`, { fieldErrors: [{ path: 'role', message }] });

/**
 * A coordinator changes someone's role (or job title) in their partnership. It takes effect on
 * that person's next request: requireAuth reads memberships from the database every time, and
 * their pull cursor's scope hashes their roles, so their phone starts its pull again with what
 * the new role may see (src/server/sync/cursor.ts).
 */
export async function changeMember(
  tx: StorageTx,
  auth: AuthContext,
  partnershipId: string,
  userId: string,
  req: ChangeMemberRequest,
  now: Date,
): Promise<Member> {
  const actor = requireCoordinator(auth, partnershipId);
  const member = await tx.accounts.findMember(partnershipId, userId);
  if (!member) throw new HttpError(404, 'not-found', 'No such member.');
  const roleChanges = req.role !== member.role;
  const jobTitle = req.jobTitle !== undefined && req.jobTitle !== member.jobTitle ? req.jobTitle : undefined;
  if (roleChanges) {
    // Nobody raises their own rights, and a coordinator cannot step down leaving nobody in charge.
    if (userId === auth.user.id) throw forbidden('You cannot change your own role. Ask another coordinator');
    if (!mayGrantRole(actor.role, member.role, req.role)) throw forbidden('Only an administrator can make someone an administrator, or stop them being one');
    if (
      member.active &&
      !hasCoordinatorRights(req.role) &&
      (await partnershipLeftWithoutCoordinator(tx, [{ ...member, partnershipId, partnershipName: actor.partnershipName }]))
    ) {
      const message = `${member.name} is the last active coordinator of this partnership. Make someone else a coordinator first`;
      throw new HttpError(409, 'conflict', `${message}.`, { fieldErrors: [{ path: 'role', message }] });
    }
  }
  if (!roleChanges && jobTitle === undefined) return member;
  await tx.accounts.updateMembership(userId, partnershipId, { role: roleChanges ? req.role : undefined, jobTitle });
  const fields = [...(roleChanges ? ['role'] : []), ...(jobTitle !== undefined ? ['jobTitle'] : [])];
  await appendAudit(
    tx,
    {
      partnershipId,
      actorId: auth.user.id,
      action: 'member.role-changed',
      entityType: 'user',
      entityId: userId,
      details: { from: member.role, to: req.role, fields },
    },
    now,
  );
  return { ...member, role: req.role, jobTitle: jobTitle ?? member.jobTitle };
}
