import type { FastifyInstance } from 'fastify';
import { z } from '../../domain/zod';
import { Id } from '../../domain/primitives';
import { AuditQuery, type AuditPage } from '../../domain/audit';
import type { MembersResponse } from '../../domain/account';
import type { OutcomeHistoryResponse } from '../../domain/outcome-history';
import { toCsv } from '../../domain/csv-write';
import { HttpError } from '../http/http-error';
import { parseOr400 } from '../http/parse';
import { requireAuth, type AuthDeps } from '../auth/authenticate';
import { requireCoordinator } from '../auth/authorize';
import { UnsyncedFile } from '../../domain/sync/unsynced-file';
import { importUnsynced } from '../sync/import-unsynced';
import { PUSH_BODY_LIMIT } from './sync-routes';

const PartnershipParams = z.strictObject({ partnershipId: Id });
const OutcomeParams = z.strictObject({ partnershipId: Id, outcomeId: Id });

/** Coordinator functions, each checked against the caller's role in that partnership. */
export function partnershipRoutes(app: FastifyInstance, deps: AuthDeps): void {
  /** Adding, changing, deactivating and reactivating members: member-routes.ts. */
  app.get('/api/partnerships/:partnershipId/members', async (request) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = parseOr400(PartnershipParams, request.params, 'address');
    requireCoordinator(auth, partnershipId);
    const body: MembersResponse = { members: await deps.storage.transaction((tx) => tx.accounts.listMembers(partnershipId)) };
    return body;
  });

  /** Every change to one outcome, field by field, conflicts marked: what the later arrival replaced. */
  app.get('/api/partnerships/:partnershipId/outcomes/:outcomeId/history', async (request) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId, outcomeId } = parseOr400(OutcomeParams, request.params, 'address');
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
  app.post('/api/partnerships/:partnershipId/unsynced-import', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = parseOr400(PartnershipParams, request.params, 'address');
    requireCoordinator(auth, partnershipId);
    const file = parseOr400(UnsyncedFile, request.body, 'file');
    return importUnsynced(deps.storage, auth, partnershipId, file, deps.now());
  });

  app.get('/api/partnerships/:partnershipId/audit', async (request) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = parseOr400(PartnershipParams, request.params, 'address');
    requireCoordinator(auth, partnershipId);
    const query = parseOr400(AuditQuery, request.query, 'query');
    const entries = await deps.storage.transaction((tx) => tx.audit.list(partnershipId, query.before, query.limit));
    const body: AuditPage = { entries, nextBefore: entries.length === query.limit ? entries[entries.length - 1]!.seq : null };
    return body;
  });

  /** The whole log as CSV, safe to open in a spreadsheet (formula cells neutralised). */
  app.get('/api/partnerships/:partnershipId/audit.csv', async (request, reply) => {
    const auth = await requireAuth(request, deps);
    const { partnershipId } = parseOr400(PartnershipParams, request.params, 'address');
    const membership = requireCoordinator(auth, partnershipId);
    const entries = await deps.storage.transaction((tx) => tx.audit.list(partnershipId, undefined, Number.MAX_SAFE_INTEGER));
    const rows = [
      ['when', 'who', 'action', 'record type', 'record id', 'details'],
      ...entries.map((e) => [e.at, e.actorName ?? 'system', e.action, e.entityType, e.entityId, JSON.stringify(e.details)]),
    ];
    const name = `audit-${membership.partnershipName.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.csv`;
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`);
    return toCsv(rows);
  });
}
