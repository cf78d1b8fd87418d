import type { FastifyInstance } from 'fastify';
import * as reviews from '../../domain/api/reviews';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { reopenQuarter, saveActionReview, signOffQuarter } from '../reviews/quarter-reviews';

/** The quarterly review: coordinators only (checked in each step against the record's partnership). */
export function reviewRoutes(app: FastifyInstance, deps: AuthDeps): void {
  route(app, reviews.saveReview, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { actionId, quarterStart } = input.params();
    const req = input.body();
    await deps.storage.transaction((tx) => saveActionReview(tx, auth, actionId, quarterStart, req, deps.now()));
    return reply.code(204).send();
  });

  route(app, reviews.signOff, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { planId } = input.params();
    const { quarterStart } = input.body();
    await deps.storage.transaction((tx) => signOffQuarter(tx, auth, planId, quarterStart, deps.now()));
    return reply.code(204).send();
  });

  route(app, reviews.reopen, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { planId, quarterStart } = input.params();
    input.body();
    await deps.storage.transaction((tx) => reopenQuarter(tx, auth, planId, quarterStart, deps.now()));
    return reply.code(204).send();
  });
}
