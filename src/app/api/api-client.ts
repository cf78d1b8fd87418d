import { z } from '../../domain/zod';
import { ApiErrorBody } from '../../domain/api-error';
import type { SessionUser, SignInRequest } from '../../domain/user';
import type { PushRequest } from '../../domain/sync/push';
import type { PullResponse } from '../../domain/sync/pull';
import { parsePullPage } from './parse-pull-page';
import type { ChangePasswordRequest } from '../../domain/account';
import type { UnsyncedFile } from '../../domain/sync/unsynced-file';
import { PHOTO_MIME, type PhotoInfo } from '../../domain/photo';
import { pathTo } from '../../domain/api/endpoint';
import * as session from '../../domain/api/session';
import * as account from '../../domain/api/account';
import * as sync from '../../domain/api/sync';
import * as photos from '../../domain/api/photos';
import * as partnership from '../../domain/api/partnership';
import * as members from '../../domain/api/members';
import type { CallableEndpoint, CallAnswer, CallInput } from './endpoint-call';
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

  /** Calls an endpoint as src/domain/api declares it: its method, its path, its answer's schema. */
  function call<E extends CallableEndpoint>(endpoint: E, input: CallInput<E>): Promise<CallAnswer<E>> {
    const { params, query, body } = input as { params?: Record<string, string>; query?: QueryValues; body?: unknown };
    // State changes always carry a JSON body, even an empty one: the server refuses any that is not JSON.
    const json = body === undefined && endpoint.method !== 'GET' ? {} : body;
    return request(endpoint.method, withQuery(pathTo(endpoint, params), query), endpoint.response, json) as Promise<CallAnswer<E>>;
  }

  return {
    /** For the coordinator's API (coordinator-api.ts), which loads only with the coordinator's screens. */
    call,
    signIn: async (body: SignInRequest): Promise<SessionUser> => (await call(session.signIn, { body })).user,
    getSession: async (): Promise<SessionUser> => (await call(session.getSession, {})).user,
    signOut: (): Promise<void> => call(session.signOut, {}),
    changePassword: (body: ChangePasswordRequest): Promise<void> => call(account.changePassword, { body }),
    members: async (partnershipId: string) => (await call(partnership.members, { params: { partnershipId } })).members,
    deactivateMember: (partnershipId: string, userId: string): Promise<void> => call(members.deactivateMember, { params: { partnershipId, userId } }),
    // Checked by the server, which says what is wrong with the file.
    importUnsynced: (partnershipId: string, file: unknown) => call(partnership.importUnsynced, { params: { partnershipId }, body: file as UnsyncedFile }),
    outcomeHistory: async (partnershipId: string, outcomeId: string) =>
      (await call(partnership.outcomeHistory, { params: { partnershipId, outcomeId } })).entries,
    auditPage: (partnershipId: string, before?: number) => call(partnership.auditPage, { params: { partnershipId }, query: { before: before || undefined } }),
    push: (body: PushRequest) => call(sync.push, { body }),
    /** Uploads one resized photo; idempotent by its id. Resolves with what the server stored. */
    uploadPhoto: async (photoId: string, outcomeId: string, jpeg: Blob, width: number, height: number): Promise<PhotoInfo> => {
      const { method, response: schema } = photos.uploadPhoto;
      const path = withQuery(pathTo(photos.uploadPhoto, { photoId }), { outcomeId, width, height });
      let response: Response;
      try {
        response = await fetchImpl(baseUrl + path, {
          method,
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
      const parsed = schema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new ProtocolError(`The server's answer to ${method} ${path} did not match the protocol.`, { cause: parsed.error });
      return parsed.data;
    },
    deviceCheck: async (deviceId: string) => (await call(sync.deviceCheck, { query: { deviceId } })).lostDevice,
    /** A page of changes, checked a batch of records per task (see parsePullPage). */
    pull: async (cursor: string | undefined, limit?: number): Promise<PullResponse> => {
      const { method } = sync.pull;
      const path = withQuery(pathTo(sync.pull), { cursor: cursor || undefined, limit: limit || undefined });
      const parsed = await parsePullPage(await requestJson(method, path, true));
      if (!parsed.success) throw new ProtocolError(`The server's answer to ${method} ${path} did not match the protocol.`, { cause: parsed.error });
      return parsed.data;
    },
  };
}

type QueryValues = Record<string, string | number | undefined>;

/** The path with the query's defined values, in their order. */
function withQuery(path: string, query: QueryValues = {}): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) q.set(name, String(value));
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
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
