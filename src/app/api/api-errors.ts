import type { ApiErrorBody } from '../../domain/api-error';

/** The server could not be reached (no signal, DNS, timeout). Retry later; nothing is wrong with the data. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** The server answered with an error in the shared ApiErrorBody shape. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
  get code() {
    return this.body.error;
  }
}

/** The server answered with something that is not what the protocol says (a proxy's HTML error page, say). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}
