import type { FastifyInstance } from 'fastify';
import type { PublicContactsResponse } from '../../domain/partnership-details';
import * as api from '../../domain/api/partnership-details';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { changeDetails } from '../partnership-details/change-details';

/** What prints on reports (administrators) and the partnerships' public contacts (anyone). */
export function partnershipDetailsRoutes(app: FastifyInstance, deps: AuthDeps): void {
  route(app, api.changeDetails, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = input.params();
    const req = input.body();
    return deps.storage.transaction((tx) => changeDetails(tx, auth, partnershipId, req, deps.now()));
  });

  /**
   * No sign-in: the accessibility statement and privacy notice open before it, and name whom to
   * contact. Only what each partnership publishes on those pages anyway (docs/security.md).
   */
  route(app, api.publicContacts, async () => {
    const body: PublicContactsResponse = { partnerships: await deps.storage.transaction((tx) => tx.plans.listPublicContacts(), 'read') };
    return body;
  });
}
