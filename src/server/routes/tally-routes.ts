import type { FastifyInstance } from 'fastify';
import { tallyMeasure } from '../../domain/tally/tally';
import { areaNameOf } from '../../domain/area-name';
import type { TalliesResponse } from '../../domain/tally/response';
import { HttpError } from '../http/http-error';
import { route } from '../http/endpoint-route';
import * as tallies from '../../domain/api/tallies';
import { requireAuth, type AuthDeps } from '../auth/authenticate';

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
  route(app, tallies.tallies, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = input.params();
    if (!auth.memberships.some((m) => m.partnershipId === partnershipId)) throw new HttpError(404, 'not-found', 'No such partnership.');
    const [measures, outcomes, areas] = await deps.storage.transaction(
      (tx) => Promise.all([tx.plans.listMeasuresOfPartnership(partnershipId), tx.outcomes.list(partnershipId), tx.lists.list('areas', partnershipId)]),
      'read',
    );
    // By area, under its current name, as the phones count them.
    const areasById = new Map(areas.map((a) => [a.id, a]));
    const live = outcomes.filter((o) => o.deletedAt === null).map((o) => ({ ...o, town: areaNameOf(o, areasById) }));
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
