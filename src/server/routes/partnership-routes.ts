import type { FastifyInstance } from 'fastify';
import type { AuditPage } from '../../domain/audit';
import type { MembersResponse } from '../../domain/account';
import type { OutcomeHistoryResponse } from '../../domain/outcome-history';
import { toCsv } from '../../domain/csv-write';
import { withMarkingRow } from '../../domain/partnership-details';
import { HttpError } from '../http/http-error';
import { route } from '../http/endpoint-route';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { requireCoordinator } from '../auth/authorize';
import * as partnership from '../../domain/api/partnership';
import { importUnsynced } from '../sync/import-unsynced';
import { PUSH_BODY_LIMIT } from './sync-routes';

/** Coordinator functions, each checked against the caller's role in that partnership. */
export function partnershipRoutes(app: FastifyInstance, deps: AuthDeps): void {
  /** Adding, changing, deactivating and reactivating members: member-routes.ts. */
  route(app, partnership.members, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = input.params();
    requireCoordinator(auth, partnershipId);
    const body: MembersResponse = { members: await deps.storage.transaction((tx) => tx.accounts.listMembers(partnershipId)) };
    return body;
  });

  /** Every change to one outcome, field by field, conflicts marked: what the later arrival replaced. */
  route(app, partnership.outcomeHistory, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId, outcomeId } = input.params();
    requireCoordinator(auth, partnershipId);
    const entries = await deps.storage.transaction(async (tx) => {
      const outcome = await tx.outcomes.find(outcomeId);
      if (!outcome || outcome.partnershipId !== partnershipId) throw new HttpError(404, 'not-found', 'No such outcome.');
      return tx.outcomes.listHistory(outcomeId);
    });
    const body: OutcomeHistoryResponse = { entries };
    return body;
  });

  /** Imports a file of an officer's unsynced records (see domain/sync/unsynced-file.ts). */
  route(app, partnership.importUnsynced, { bodyLimit: PUSH_BODY_LIMIT }, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = input.params();
    requireCoordinator(auth, partnershipId);
    const file = input.body();
    return importUnsynced(deps.storage, auth, partnershipId, file, deps.now());
  });

  route(app, partnership.auditPage, async (request, _reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = input.params();
    requireCoordinator(auth, partnershipId);
    const query = input.query();
    const entries = await deps.storage.transaction((tx) => tx.audit.list(partnershipId, query.before, query.limit));
    const body: AuditPage = { entries, nextBefore: entries.length === query.limit ? entries[entries.length - 1]!.seq : null };
    return body;
  });

  /** The whole log as CSV, safe to open in a spreadsheet (formula cells neutralised), under the partnership's protective marking. */
  route(app, partnership.auditCsv, async (request, reply, input) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = input.params();
    const membership = requireCoordinator(auth, partnershipId);
    const [entries, partnership] = await deps.storage.transaction(
      async (tx) => [await tx.audit.list(partnershipId, undefined, Number.MAX_SAFE_INTEGER), await tx.plans.findPartnership(partnershipId)] as const,
      'read',
    );
    const rows = withMarkingRow(partnership?.details, [
      ['when', 'who', 'action', 'record type', 'record id', 'details'],
      ...entries.map((e) => [e.at, e.actorName ?? 'system', e.action, e.entityType, e.entityId, JSON.stringify(e.details)]),
    ]);
    const name = `audit-${membership.partnershipName.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.csv`;
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`);
    return toCsv(rows);
  });
}
