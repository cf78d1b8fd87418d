import type { FastifyInstance } from 'fastify';
import type { MemberResponse } from '../../domain/account';
import * as members from '../../domain/api/members';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import type { ScryptCost } from '../auth/password';
import { addMember } from '../accounts/add-member';
import { changeMember } from '../accounts/change-member';
import { deactivateMember, reactivateMember } from '../accounts/member-status';

/**
 * A partnership's coordinators (and administrators) manage its members: add someone, change their
 * role, deactivate and reactivate them (docs/decisions/0020-members-and-roles.md). Each change is
 * one transaction with its audit entry. The list itself is in partnership-routes.ts.
 */
export function memberRoutes(app: FastifyInstance, deps: AuthDeps & { scryptCost: ScryptCost }): void {
  const { storage } = deps;

  route(app, members.addMember, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = input.params();
    const req = input.body();
    return reply.code(201).send(await addMember(storage, auth, partnershipId, req, deps.scryptCost, deps.now()));
  });

  route(app, members.changeMember, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId, userId } = input.params();
    const req = input.body();
    const body: MemberResponse = { member: await storage.transaction((tx) => changeMember(tx, auth, partnershipId, userId, req, deps.now())) };
    return body;
  });

  /** Deactivating a user ends every session they have, at once. */
  route(app, members.deactivateMember, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId, userId } = input.params();
    await storage.transaction((tx) => deactivateMember(tx, auth, partnershipId, userId, deps.now()));
    return reply.code(204).send();
  });

  route(app, members.reactivateMember, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId, userId } = input.params();
    await storage.transaction((tx) => reactivateMember(tx, auth, partnershipId, userId, deps.now()));
    return reply.code(204).send();
  });
}
