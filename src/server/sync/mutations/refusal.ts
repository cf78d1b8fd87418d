import type { FieldError } from '../../../domain/api-error';
import type { RejectionCode } from '../../../domain/sync/push';

/** Why a mutation was refused for good. Logged, reported to the device, never retried as is. */
export interface Refusal {
  code: RejectionCode;
  message: string;
  fieldErrors: FieldError[];
}

export const refuse = (code: RejectionCode, message: string, fieldErrors: FieldError[] = []): Refusal => ({ code, message, fieldErrors });
