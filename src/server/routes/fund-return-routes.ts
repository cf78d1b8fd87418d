import type { FastifyInstance } from 'fastify';
import type { FundReturnSaved } from '../../domain/fund-return';
import * as fundReturns from '../../domain/api/fund-returns';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { saveFundReturn } from '../fund-returns/save-fund-return';

/** A plan's PCC fund return: coordinators only (checked against the plan's partnership). Coordinators' devices pull it. */
export function fundReturnRoutes(app: FastifyInstance, deps: AuthDeps): void {
  route(app, fundReturns.saveFundReturn, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { planId } = input.params();
    const req = input.body();
    const body: FundReturnSaved = { version: await deps.storage.transaction((tx) => saveFundReturn(tx, auth, planId, req, deps.now())) };
    return body;
  });
}
