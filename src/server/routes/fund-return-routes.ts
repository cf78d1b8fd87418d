import type { FastifyInstance } from 'fastify';
import { z } from '../../domain/zod';
import { Id } from '../../domain/primitives';
import { FundReturnRequest, type FundReturnSaved } from '../../domain/fund-return';
import { parseOr400 } from '../http/parse';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { saveFundReturn } from '../fund-returns/save-fund-return';

const PlanParams = z.strictObject({ planId: Id });

/** A plan's PCC fund return: coordinators only (checked against the plan's partnership). Coordinators' devices pull it. */
export function fundReturnRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.put('/api/plans/:planId/fund-return', async (request) => {
    const auth = await requireAuth(request, deps);
    const { planId } = parseOr400(PlanParams, request.params, 'address');
    const req = parseOr400(FundReturnRequest, request.body, 'return');
    const body: FundReturnSaved = { version: await deps.storage.transaction((tx) => saveFundReturn(tx, auth, planId, req, deps.now())) };
    return body;
  });
}
