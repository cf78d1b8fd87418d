import type { Member } from '../../domain/account';
import type { AuditAction } from '../../domain/audit';
import type { AuthContext } from '../auth/authenticate';
import { requireCoordinator } from '../auth/authorize';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';
import { partnershipLeftWithoutCoordinator } from './coordinator-guard';

/*
 * Deactivating and reactivating. Both are of the person, not of one membership: someone who has
 * left their job is out of every partnership at once, and every session they have ends. So a
 * coordinator of any of their partnerships can do it, it is refused if it would leave any of
 * those partnerships without an active coordinator, and each partnership's audit log records it.
 */

/** The member, if the caller coordinates the partnership and may act on them. */
async function memberToChange(tx: StorageTx, auth: AuthContext, partnershipId: string, userId: string, verb: string): Promise<Member> {
  const actor = requireCoordinator(auth, partnershipId);
  const member = await tx.accounts.findMember(partnershipId, userId);
  if (!member) throw new HttpError(404, 'not-found', 'No such member.');
  if (member.role === 'admin' && actor.role !== 'admin') throw new HttpError(403, 'forbidden', `Only an administrator can ${verb} an administrator.`);
  return member;
}

async function auditEverywhere(tx: StorageTx, auth: AuthContext, userId: string, action: AuditAction, now: Date) {
  for (const m of await tx.accounts.listMemberships(userId)) {
    await appendAudit(tx, { partnershipId: m.partnershipId, actorId: auth.user.id, action, entityType: 'user', entityId: userId }, now);
  }
}

/** Signs the person out everywhere at once; what they logged stays. Deactivating someone already deactivated changes nothing. */
export async function deactivateMember(tx: StorageTx, auth: AuthContext, partnershipId: string, userId: string, now: Date): Promise<void> {
  requireCoordinator(auth, partnershipId);
  if (userId === auth.user.id) throw new HttpError(400, 'invalid-request', 'You cannot deactivate yourself.');
  const member = await memberToChange(tx, auth, partnershipId, userId, 'deactivate');
  if (!member.active) return;
  const stranded = await partnershipLeftWithoutCoordinator(tx, await tx.accounts.listMemberships(userId));
  if (stranded) {
    const where = stranded.partnershipId === partnershipId ? 'this partnership' : `${stranded.partnershipName}, another partnership they belong to`;
    throw new HttpError(409, 'conflict', `${member.name} is the last active coordinator of ${where}. Someone else there must be made a coordinator first.`);
  }
  await tx.accounts.setUserActive(userId, false);
  await tx.sessions.deleteAllOfUser(userId);
  await auditEverywhere(tx, auth, userId, 'member.deactivated', now);
}

/** They sign in again with the password they had; nothing else of theirs changed while they were away. */
export async function reactivateMember(tx: StorageTx, auth: AuthContext, partnershipId: string, userId: string, now: Date): Promise<void> {
  const member = await memberToChange(tx, auth, partnershipId, userId, 'reactivate');
  if (member.active) return;
  await tx.accounts.setUserActive(userId, true);
  await auditEverywhere(tx, auth, userId, 'member.reactivated', now);
}
