import { ApiError } from '../../src/app/api/api-errors';

/** The server's refusal of a request the test expects to fail; anything else (success, a network error) fails the test. */
export async function refusalOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the request to be refused');
}
