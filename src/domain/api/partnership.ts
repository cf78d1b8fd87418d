import { Id } from '../primitives';
import { MembersResponse } from '../account';
import { AuditPage, AuditQuery } from '../audit';
import { OutcomeHistoryResponse } from '../outcome-history';
import { UnsyncedFile, UnsyncedImportResult } from '../sync/unsynced-file';
import type { Endpoint } from './endpoint';

/** What a partnership's coordinators read and import. Changes to members: members.ts. */
const params = { partnershipId: Id };

export const members = { method: 'GET', path: '/api/partnerships/:partnershipId/members', params, response: MembersResponse } as const satisfies Endpoint;

export const outcomeHistory = {
  method: 'GET',
  path: '/api/partnerships/:partnershipId/outcomes/:outcomeId/history',
  params: { partnershipId: Id, outcomeId: Id },
  response: OutcomeHistoryResponse,
} as const satisfies Endpoint;

export const importUnsynced = {
  method: 'POST',
  path: '/api/partnerships/:partnershipId/unsynced-import',
  params,
  body: UnsyncedFile,
  what: 'file',
  response: UnsyncedImportResult,
} as const satisfies Endpoint;

export const auditPage = {
  method: 'GET',
  path: '/api/partnerships/:partnershipId/audit',
  params,
  query: AuditQuery,
  what: 'query',
  response: AuditPage,
} as const satisfies Endpoint;

/** The whole log as CSV, downloaded by the browser itself. */
export const auditCsv = { method: 'GET', path: '/api/partnerships/:partnershipId/audit.csv', params, response: 'file' } as const satisfies Endpoint;
