import type { FastifyInstance } from 'fastify';
import { z } from '../../domain/zod';
import { Id } from '../../domain/primitives';
import { tallyMeasure } from '../../domain/tally';
import type { TalliesResponse } from '../../domain/tallies';
import { HttpError } from '../http/http-error';
import { parseOr400 } from '../http/parse';
import { requireAuth, type AuthDeps } from '../auth/authenticate';

const PartnershipParams = z.strictObject({ partnershipId: Id });

/**
 * Tallies from what has reached the server, by the same tallyMeasure the phones use: what a
 * coordinator reports and what an officer's phone shows (once synced) can never disagree.
 * Any member may read them: they are counts, with no notes and no names.
 *
 * The app does not call this route: phones tally the outcomes they pull. It serves tests and tools
 * that check the server's count against the phone's: test/integration/tallies.test.ts and the
 * end-to-end field-capture spec (talliesOnServer in test/e2e/support/server-api.ts).
 */
export function tallyRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.get('/api/partnerships/:partnershipId/tallies', async (request) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = parseOr400(PartnershipParams, request.params, 'address');
    if (!auth.memberships.some((m) => m.partnershipId === partnershipId)) throw new HttpError(404, 'not-found', 'No such partnership.');
    const [measures, outcomes] = await deps.storage.transaction(
      (tx) => Promise.all([tx.plans.listMeasuresOfPartnership(partnershipId), tx.outcomes.list(partnershipId)]),
      'read',
    );
    const live = outcomes.filter((o) => o.deletedAt === null);
    const byAction = new Map<string, typeof live>();
    for (const o of live) {
      const list = byAction.get(o.actionId);
      if (list) list.push(o);
      else byAction.set(o.actionId, [o]);
    }
    const body: TalliesResponse = {
      measures: measures.map((m) => ({
        measureId: m.id,
        actionId: m.actionId,
        actionRef: m.actionRef,
        position: m.position,
        text: m.text,
        tally: tallyMeasure(m, byAction.get(m.actionId) ?? []),
      })),
    };
    return body;
  });
}
