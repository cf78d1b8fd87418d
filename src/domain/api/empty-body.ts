import { z } from '../zod';

/** The body of a state change with nothing to say: {} and nothing else. */
export const EmptyBody = z.strictObject({});
