import type { FastifyInstance } from 'fastify';
import type { ListEntryResponse } from '../../domain/partnership-lists';
import * as lists from '../../domain/api/partnership-lists';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { addListEntry, changeListEntry } from '../partnerships/list-entries';

/** A partnership's administrators keep its areas and partner organisations (partnerships/list-entries.ts). */
export function partnershipListRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const { storage } = deps;
  for (const [list, add, change] of [
    ['areas', lists.addArea, lists.changeArea],
    ['organisations', lists.addOrganisation, lists.changeOrganisation],
  ] as const) {
    route(app, add, async (request, reply, input) => {
      const auth = await requireAuth(request, deps);
      const { partnershipId } = input.params();
      const req = input.body();
      const body: ListEntryResponse = { entry: await storage.transaction((tx) => addListEntry(tx, auth, list, partnershipId, req, deps.now())) };
      return reply.code(201).send(body);
    });
    route(app, change, async (request, _reply, input) => {
      const auth = await requireAuth(request, deps);
      const { partnershipId, entryId } = input.params();
      const req = input.body();
      const body: ListEntryResponse = { entry: await storage.transaction((tx) => changeListEntry(tx, auth, list, partnershipId, entryId, req, deps.now())) };
      return body;
    });
  }
}
