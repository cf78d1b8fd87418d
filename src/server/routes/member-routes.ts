import type { FastifyInstance } from 'fastify';
import { z } from '../../domain/zod';
import { Id } from '../../domain/primitives';
import { AddMemberRequest, ChangeMemberRequest, type MemberResponse } from '../../domain/account';
import { parseOr400 } from '../http/parse';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import type { ScryptCost } from '../auth/password';
import { addMember } from '../accounts/add-member';
import { changeMember } from '../accounts/change-member';
import { deactivateMember, reactivateMember } from '../accounts/member-status';

const PartnershipParams = z.strictObject({ partnershipId: Id });
const MemberParams = z.strictObject({ partnershipId: Id, userId: Id });

/**
 * A partnership's coordinators (and administrators) manage its members: add someone, change their
 * role, deactivate and reactivate them (docs/decisions/0020-members-and-roles.md). Each change is
 * one transaction with its audit entry. The list itself is in partnership-routes.ts.
 */
export function memberRoutes(app: FastifyInstance, deps: AuthDeps & { scryptCost: ScryptCost }): void {
  const { storage } = deps;

  app.post('/api/partnerships/:partnershipId/members', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = parseOr400(PartnershipParams, request.params, 'address');
    const req = parseOr400(AddMemberRequest, request.body, 'new member');
    return reply.code(201).send(await addMember(storage, auth, partnershipId, req, deps.scryptCost, deps.now()));
  });

  app.patch('/api/partnerships/:partnershipId/members/:userId', async (request) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId, userId } = parseOr400(MemberParams, request.params, 'address');
    const req = parseOr400(ChangeMemberRequest, request.body, 'change');
    const body: MemberResponse = { member: await storage.transaction((tx) => changeMember(tx, auth, partnershipId, userId, req, deps.now())) };
    return body;
  });

  /** Deactivating a user ends every session they have, at once. */
  app.post('/api/partnerships/:partnershipId/members/:userId/deactivate', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId, userId } = parseOr400(MemberParams, request.params, 'address');
    await storage.transaction((tx) => deactivateMember(tx, auth, partnershipId, userId, deps.now()));
    return reply.code(204).send();
  });

  app.post('/api/partnerships/:partnershipId/members/:userId/reactivate', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId, userId } = parseOr400(MemberParams, request.params, 'address');
    await storage.transaction((tx) => reactivateMember(tx, auth, partnershipId, userId, deps.now()));
    return reply.code(204).send();
  });
}
