import { z } from './zod';
import { Id, Int, IsoDateTime } from './primitives';

/** What the audit log records. Data changes and account changes; sign-in events go to the server log. */
export const AUDIT_ACTIONS = [
  'partnership.created',
  'area.added',
  'area.changed',
  'organisation.added',
  'organisation.changed',
  'plan.created',
  'plan.changed',
  'plan.imported',
  'action.added',
  'action.changed',
  'action.merged',
  'action.removed',
  'measure.added',
  'measure.changed',
  'measure.removed',
  'review.saved',
  'quarter.signed-off',
  'quarter.reopened',
  'fund-return.saved',
  'outcome.created',
  'outcome.changed',
  'outcome.deleted',
  'outcomes.imported',
  'place.created',
  'place.changed',
  'photo.attached',
  'member.added',
  'member.deactivated',
  'member.role-changed',
  'member.reactivated',
  'account.password-changed',
  'account.password-set',
  'partnership.details-changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = z.object({
  id: Id,
  /** Orders entries; the page cursor. */
  seq: z.int(),
  partnershipId: z.nullable(Id),
  /** null for the system (the demo seed, an import run from the command line). */
  actorId: z.nullable(Id),
  actorName: z.nullable(z.string()),
  /** A string, not the enum, so an older app can still show entries a newer server writes. */
  action: z.string(),
  entityType: z.string(),
  entityId: z.nullable(z.string()),
  at: IsoDateTime,
  /** Which fields, never free text: note text is not copied into the log. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  /** Entries older than this seq (the previous page's nextBefore). */
  before: z.optional(z.pipe(z.coerce.number(), Int(1))),
  limit: z._default(z.pipe(z.coerce.number(), Int(1, 500)), 100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null when this is the oldest. */
  nextBefore: z.nullable(z.int()),
});
export type AuditPage = z.infer<typeof AuditPage>;
