import { z } from '../../domain/zod';
import { ApiErrorBody } from '../../domain/api-error';
import { SignInResponse, type SessionUser, type SignInRequest } from '../../domain/user';
import { PushResponse, type PushRequest } from '../../domain/sync/push';
import type { PullResponse } from '../../domain/sync/pull';
import { parsePullPage } from './parse-pull-page';
import { MembersResponse, type ChangePasswordRequest } from '../../domain/account';
import { AuditPage } from '../../domain/audit';
import { OutcomeHistoryResponse } from '../../domain/outcome-history';
import { DeviceCheckResponse } from '../../domain/sync/device-check';
import { UnsyncedImportResult } from '../../domain/sync/unsynced-file';
import { PHOTO_MIME, PhotoInfo } from '../../domain/photo';
import { ApiError, NetworkError, ProtocolError } from './api-errors';

export interface ApiClientOptions {
  /** '' in the browser (same origin); the server's address in integration tests. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** A request that has not answered by then is abandoned as a network error (one bar of signal). */
  timeoutMs?: number;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The only code that talks to the server. Every response is checked against the shared domain
 * schema, so a server and device that disagree fail loudly here rather than corrupt IndexedDB.
 */
export function createApiClient({ baseUrl, fetch: fetchImpl = globalThis.fetch.bind(globalThis), timeoutMs = 30_000 }: ApiClientOptions) {
  /** The response's JSON, not yet checked; undefined for a 204 or when expectJson is false. */
  async function requestJson(method: string, path: string, expectJson: boolean, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(baseUrl + path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new NetworkError(e instanceof Error && e.name === 'TimeoutError' ? 'The server took too long to answer.' : 'Could not reach the server.', {
        cause: e,
      });
    }
    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204 || !expectJson) return undefined;
    try {
      return (await response.json()) as unknown;
    } catch (e) {
      throw new ProtocolError(`The server's answer to ${method} ${path} was not JSON.`, { cause: e });
    }
  }

  async function request<S extends z.core.$ZodType>(method: string, path: string, schema: S | null, body?: unknown): Promise<z.infer<S>> {
    const json = await requestJson(method, path, schema !== null, body);
    if (schema === null || json === undefined) return undefined as z.infer<S>;
    const parsed = z.safeParse(schema, json);
    if (!parsed.success) throw new ProtocolError(`The server's answer to ${method} ${path} did not match the protocol.`, { cause: parsed.error });
    return parsed.data;
  }

  return {
    /** For the coordinator's API (coordinator-api.ts), which loads only with the coordinator's screens. */
    request,
    signIn: async (req: SignInRequest): Promise<SessionUser> => (await request('POST', '/api/session', SignInResponse, req)).user,
    getSession: async (): Promise<SessionUser> => (await request('GET', '/api/session', SignInResponse)).user,
    // State changes always carry a JSON body, even an empty one: the server refuses any that is not JSON.
    signOut: async (): Promise<void> => {
      await request('DELETE', '/api/session', null, {});
    },
    changePassword: async (req: ChangePasswordRequest): Promise<void> => {
      await request('POST', '/api/account/password', null, req);
    },
    members: async (partnershipId: string) => (await request('GET', `/api/partnerships/${encodeURIComponent(partnershipId)}/members`, MembersResponse)).members,
    deactivateMember: async (partnershipId: string, userId: string): Promise<void> => {
      await request('POST', `/api/partnerships/${encodeURIComponent(partnershipId)}/members/${encodeURIComponent(userId)}/deactivate`, null, {});
    },
    importUnsynced: (partnershipId: string, file: unknown) =>
      request('POST', `/api/partnerships/${encodeURIComponent(partnershipId)}/unsynced-import`, UnsyncedImportResult, file),
    outcomeHistory: async (partnershipId: string, outcomeId: string) =>
      (await request('GET', `/api/partnerships/${encodeURIComponent(partnershipId)}/outcomes/${encodeURIComponent(outcomeId)}/history`, OutcomeHistoryResponse))
        .entries,
    auditPage: (partnershipId: string, before?: number) =>
      request('GET', `/api/partnerships/${encodeURIComponent(partnershipId)}/audit${before ? `?before=${before}` : ''}`, AuditPage),
    push: (req: PushRequest) => request('POST', '/api/sync/push', PushResponse, req),
    /** Uploads one resized photo; idempotent by its id. Resolves with what the server stored. */
    uploadPhoto: async (photoId: string, outcomeId: string, jpeg: Blob, width: number, height: number): Promise<PhotoInfo> => {
      const q = new URLSearchParams({ outcomeId, width: String(width), height: String(height) });
      const path = `/api/photos/${encodeURIComponent(photoId)}?${q.toString()}`;
      let response: Response;
      try {
        response = await fetchImpl(baseUrl + path, {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { accept: 'application/json', 'content-type': PHOTO_MIME },
          body: jpeg,
          // A photo is a few hundred KB on one bar of signal: give it longer than a JSON request.
          signal: AbortSignal.timeout(timeoutMs * 4),
        });
      } catch (e) {
        throw new NetworkError(e instanceof Error && e.name === 'TimeoutError' ? 'The photo upload took too long.' : 'Could not reach the server.', {
          cause: e,
        });
      }
      if (!response.ok) throw await errorFrom(response);
      const parsed = PhotoInfo.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new ProtocolError(`The server's answer to PUT ${path} did not match the protocol.`, { cause: parsed.error });
      return parsed.data;
    },
    deviceCheck: async (deviceId: string) =>
      (await request('GET', `/api/sync/device-check?deviceId=${encodeURIComponent(deviceId)}`, DeviceCheckResponse)).lostDevice,
    /** A page of changes, checked a batch of records per task (see parsePullPage). */
    pull: async (cursor: string | undefined, limit?: number): Promise<PullResponse> => {
      const q = new URLSearchParams();
      if (cursor) q.set('cursor', cursor);
      if (limit) q.set('limit', String(limit));
      const qs = q.toString();
      const path = `/api/sync/pull${qs ? `?${qs}` : ''}`;
      const parsed = await parsePullPage(await requestJson('GET', path, true));
      if (!parsed.success) throw new ProtocolError(`The server's answer to GET ${path} did not match the protocol.`, { cause: parsed.error });
      return parsed.data;
    },
  };
}

async function errorFrom(response: Response): Promise<ApiError | ProtocolError> {
  try {
    const body = ApiErrorBody.safeParse(await response.json());
    if (body.success) return new ApiError(response.status, body.data);
  } catch {
    // fall through: not JSON
  }
  return new ProtocolError(`The server answered ${response.status} without an explanation.`);
}
