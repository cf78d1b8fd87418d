import { randomUUID } from 'node:crypto';
import type { AddMemberRequest, AddMemberResponse } from '../../domain/account';
import { mayGrantRole } from '../../domain/roles';
import type { Role } from '../../domain/user';
import type { AuthContext } from '../auth/authenticate';
import { requireCoordinator } from '../auth/authorize';
import { hashPassword, type ScryptCost } from '../auth/password';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { Storage } from '../storage/storage';
import { temporaryPassword } from './temporary-password';

const A_ROLE: Record<Role, string> = { viewer: 'a viewer', officer: 'an officer', coordinator: 'a coordinator', admin: 'an administrator' };

/**
 * A coordinator adds someone to their partnership. Someone who already has an account (in any
 * partnership: a county officer joining a district CSP) gains a membership here and keeps their
 * name and password. Anyone else gets a new account with a temporary password made here,
 * returned in this one answer for the coordinator to pass on, and replaced at their first sign-in.
 */
export async function addMember(
  storage: Storage,
  auth: AuthContext,
  partnershipId: string,
  req: AddMemberRequest,
  cost: ScryptCost,
  now: Date,
): Promise<AddMemberResponse> {
  const actor = requireCoordinator(auth, partnershipId);
  if (!mayGrantRole(actor.role, undefined, req.role)) {
    throw new HttpError(403, 'forbidden', 'Only an administrator can make someone an administrator.', {
      fieldErrors: [{ path: 'role', message: 'Only an administrator can make someone an administrator' }],
    });
  }
  // Hashed before the writing transaction (scrypt is slow), and only when the email is new.
  const known = await storage.transaction((tx) => tx.accounts.findUserByEmail(req.email));
  const fresh = known ? undefined : { id: randomUUID(), password: temporaryPassword(req.email) };
  const passwordHash = fresh && (await hashPassword(fresh.password, cost));

  return storage.transaction(async (tx) => {
    const audit = (userId: string, existingUser: boolean) =>
      appendAudit(
        tx,
        { partnershipId, actorId: auth.user.id, action: 'member.added', entityType: 'user', entityId: userId, details: { role: req.role, existingUser } },
        now,
      );
    const as = A_ROLE[req.role];

    // Read again: someone may have been given this email meanwhile (users are never deleted).
    const existing = await tx.accounts.findUserByEmail(req.email);
    if (existing) {
      if (await tx.accounts.findMember(partnershipId, existing.id)) {
        const message = `${existing.name} (${existing.email}) is already a member of this partnership`;
        throw new HttpError(409, 'conflict', `${message}.`, { fieldErrors: [{ path: 'email', message }] });
      }
      await tx.accounts.insertMembership({ userId: existing.id, partnershipId, role: req.role, jobTitle: req.jobTitle });
      await audit(existing.id, true);
      const deactivated = existing.active ? '' : ' Their account is deactivated: reactivate them here to let them sign in.';
      return {
        member: (await tx.accounts.findMember(partnershipId, existing.id))!,
        existingUser: true,
        temporaryPassword: null,
        message: `${existing.email} already has a Fieldbook account, as ${existing.name}: they keep that name and their own password, and are now in this partnership as ${as} too.${deactivated}`,
      };
    }
    if (!fresh || !passwordHash) throw new Error('A user with this email was there a moment ago and is gone: users are never deleted.');
    await tx.accounts.insertUser({
      id: fresh.id,
      email: req.email,
      name: req.name,
      passwordHash,
      active: true,
      createdAt: now.toISOString(),
      mustChangePassword: true,
    });
    await tx.accounts.insertMembership({ userId: fresh.id, partnershipId, role: req.role, jobTitle: req.jobTitle });
    await audit(fresh.id, false);
    return {
      member: (await tx.accounts.findMember(partnershipId, fresh.id))!,
      existingUser: false,
      temporaryPassword: fresh.password,
      message: `${req.name} has been added as ${as}, with a temporary password they must change when they first sign in.`,
    };
  });
}
