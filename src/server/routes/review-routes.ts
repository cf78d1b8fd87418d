import type { FastifyInstance } from 'fastify';
import { z } from '../../domain/zod';
import { Id, IsoDate } from '../../domain/primitives';
import { ActionReviewRequest, SignOffRequest } from '../../domain/review';
import { parseOr400 } from '../http/parse';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { reopenQuarter, saveActionReview, signOffQuarter } from '../reviews/quarter-reviews';

const ReviewParams = z.strictObject({ actionId: Id, quarterStart: IsoDate });
const PlanParams = z.strictObject({ planId: Id });
const QuarterParams = z.strictObject({ planId: Id, quarterStart: IsoDate });
const Empty = z.strictObject({});

/** The quarterly review: coordinators only (checked in each step against the record's partnership). */
export function reviewRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.put('/api/actions/:actionId/reviews/:quarterStart', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { actionId, quarterStart } = parseOr400(ReviewParams, request.params, 'address');
    const req = parseOr400(ActionReviewRequest, request.body, 'review');
    await deps.storage.transaction((tx) => saveActionReview(tx, auth, actionId, quarterStart, req, deps.now()));
    return reply.code(204).send();
  });

  app.post('/api/plans/:planId/sign-offs', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { planId } = parseOr400(PlanParams, request.params, 'address');
    const { quarterStart } = parseOr400(SignOffRequest, request.body, 'sign-off');
    await deps.storage.transaction((tx) => signOffQuarter(tx, auth, planId, quarterStart, deps.now()));
    return reply.code(204).send();
  });

  app.post('/api/plans/:planId/sign-offs/:quarterStart/reopen', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { planId, quarterStart } = parseOr400(QuarterParams, request.params, 'address');
    parseOr400(Empty, request.body ?? {}, 'request');
    await deps.storage.transaction((tx) => reopenQuarter(tx, auth, planId, quarterStart, deps.now()));
    return reply.code(204).send();
  });
}
