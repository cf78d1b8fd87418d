import type { FormError } from './components/ErrorSummary';
import { describeError } from './describe-error';

/**
 * The server's answer to a form, as the error summary lists it: each field error against the
 * input it is about (`inputFor` maps the request's path to the input's id), anything else against
 * the form's first input with words a person can act on.
 */
export function formErrorsFrom(err: unknown, inputFor: (path: string) => string | undefined, firstInput: string, fallback: string): FormError[] {
  const fieldErrors = (err as { body?: { fieldErrors?: { path: string; message: string }[] } }).body?.fieldErrors;
  if (fieldErrors?.length) return fieldErrors.map((f) => ({ fieldId: inputFor(f.path) ?? firstInput, message: f.message }));
  return [{ fieldId: firstInput, message: describeError(err, fallback) }];
}
