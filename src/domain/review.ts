import { z } from './zod';
import { Id, IsoDate, IsoDateTime, SafeString } from './primitives';

/**
 * The quarterly review: for each action, each quarter, the coordinator's RAG status (or none, to
 * use the one suggested from progress against time), commentary and remedial action, as reported
 * to the CSP meeting. Then the coordinator signs the quarter off: its figures are what was
 * reported, so officers can no longer change outcomes dated in it, and anything arriving for it
 * afterwards is marked late.
 */

export const RagStatus = z.enum(['green', 'amber', 'red']);

export const REVIEW_TEXT_MAX = 4000;

export const ActionReview = z.object({
  id: Id,
  planId: Id,
  actionId: Id,
  /** The first day of the quarter (2018-07-01 for Q2 2018/19). */
  quarterStart: IsoDate,
  /** null: no override; the suggested status stands. */
  rag: z.nullable(RagStatus),
  commentary: z.string(),
  remedialAction: z.string(),
  updatedAt: IsoDateTime,
  updatedByName: z.string(),
});
export type ActionReview = z.infer<typeof ActionReview>;

export const QuarterSignOff = z.object({
  id: Id,
  planId: Id,
  quarterStart: IsoDate,
  quarterEnd: IsoDate,
  signedOffAt: IsoDateTime,
  signedOffByName: z.string(),
  /** Set when a coordinator reopened the quarter to correct it: nothing is locked until it is signed off again. */
  reopenedAt: z.nullable(IsoDateTime),
});
export type QuarterSignOff = z.infer<typeof QuarterSignOff>;

/** What the coordinator sends for one action's quarter. */
export const ActionReviewRequest = z.strictObject({
  rag: z.nullable(RagStatus),
  commentary: SafeString(REVIEW_TEXT_MAX),
  remedialAction: SafeString(REVIEW_TEXT_MAX),
});
export type ActionReviewRequest = z.infer<typeof ActionReviewRequest>;

export const SignOffRequest = z.strictObject({ quarterStart: IsoDate });
export type SignOffRequest = z.infer<typeof SignOffRequest>;

/** The sign-off covering a day of a plan's outcomes, if its quarter is signed off. */
export function signOffCovering<S extends Pick<QuarterSignOff, 'planId' | 'quarterStart' | 'quarterEnd' | 'reopenedAt'>>(
  signOffs: readonly S[],
  planId: string,
  day: string,
): S | undefined {
  return signOffs.find((s) => s.planId === planId && s.reopenedAt === null && day >= s.quarterStart && day <= s.quarterEnd);
}

/** An outcome that reached the server after its quarter was signed off: not in the figures that were reported. */
export function isLate(outcome: { occurredOn: string; receivedAt: string | null }, signOff: Pick<QuarterSignOff, 'signedOffAt'> | undefined): boolean {
  return signOff !== undefined && (outcome.receivedAt === null || outcome.receivedAt > signOff.signedOffAt);
}
