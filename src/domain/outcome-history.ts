import { z } from './zod';
import { Id, IsoDateTime } from './primitives';

/**
 * What happened to an outcome after it was logged, field by field. A conflict marks a change
 * that arrived based on an older version than the field's last change: it won (the later arrival
 * wins) and `from` is the value it replaced, kept here so nothing is lost without trace.
 */
export const OutcomeHistoryEntry = z.object({
  id: Id,
  outcomeId: Id,
  kind: z.enum(['update', 'delete']),
  /** null for a delete. */
  field: z.nullable(z.string()),
  from: z.unknown(),
  to: z.unknown(),
  conflict: z.boolean(),
  actorId: Id,
  actorName: z.string(),
  at: IsoDateTime,
  /** The outcome's version after this change. */
  version: z.int(),
});
export type OutcomeHistoryEntry = z.infer<typeof OutcomeHistoryEntry>;

export const OutcomeHistoryResponse = z.object({ entries: z.array(OutcomeHistoryEntry) });
export type OutcomeHistoryResponse = z.infer<typeof OutcomeHistoryResponse>;
