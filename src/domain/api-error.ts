import { z } from './zod';

/**
 * Error codes the API answers with. The body always has this shape, so the device can
 * tell a problem it must show (invalid, forbidden) from one it should retry (internal, busy).
 */
export const ApiErrorCode = z.enum([
  'malformed-json',
  'invalid-request',
  'unsupported-media-type',
  'payload-too-large',
  'unauthenticated',
  'invalid-credentials',
  'too-many-attempts',
  'forbidden',
  'cross-origin',
  'not-found',
  'sequence-gap',
  'device-mismatch',
  /** The request clashes with what is stored (a photo id reused for other bytes, a deleted outcome). */
  'conflict',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const FieldError = z.object({
  /** Dotted path into the request body, e.g. "mutations.0.seq". */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const ApiErrorBody = z.object({
  error: ApiErrorCode,
  message: z.string(),
  fieldErrors: z.optional(z.array(FieldError)),
  /** For sequence-gap: the sequence number the server expects next from this device. */
  expectedSeq: z.optional(z.int()),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Turns zod issues into field errors with dotted paths (prefix for nested payloads). */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    return { path: path || '(body)', message: issue.message };
  });
}
