import type { ApiErrorBody, ApiErrorCode, FieldError } from '../../domain/api-error';

/** An error the client is meant to see: a status and a body in the shared ApiErrorBody shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { fieldErrors?: FieldError[]; expectedSeq?: number } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): ApiErrorBody {
    return { error: this.code, message: this.message, ...this.extra };
  }
}
