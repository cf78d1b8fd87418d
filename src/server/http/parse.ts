import { z } from '../../domain/zod';
import { toFieldErrors } from '../../domain/api-error';
import { HttpError } from './http-error';

/** Parses request input with a shared domain schema; a mismatch is a 400 naming each failing field. */
export function parseOr400<S extends z.core.$ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) {
    const fieldErrors = toFieldErrors(result.error.issues);
    throw new HttpError(400, 'invalid-request', `The ${what} has ${fieldErrors.length === 1 ? 'a problem' : `${fieldErrors.length} problems`}.`, {
      fieldErrors,
    });
  }
  return result.data;
}
