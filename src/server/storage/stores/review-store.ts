import type { ActionReview, QuarterSignOff } from '../../../domain/review';

/** A quarter's review of one action, as stored. */
export interface StoredReview extends Omit<ActionReview, 'updatedByName'> {
  partnershipId: string;
  updatedBy: string;
}

/** A quarter's sign-off, as stored. */
export interface StoredSignOff extends Omit<QuarterSignOff, 'signedOffByName'> {
  partnershipId: string;
  signedOffBy: string;
}

/** The quarterly review and sign-offs (tx.reviews). Every write takes a fresh version, so devices pull it. */
export interface ReviewStore {
  find(actionId: string, quarterStart: string): Promise<StoredReview | undefined>;
  /** Inserts, or replaces the one for the same action and quarter. */
  save(review: StoredReview): Promise<void>;
  findSignOff(planId: string, quarterStart: string): Promise<StoredSignOff | undefined>;
  /** In quarter order. */
  listSignOffs(planId: string): Promise<StoredSignOff[]>;
  /** Inserts, or replaces the one for the same plan and quarter (signing off again after a reopening). */
  saveSignOff(signOff: StoredSignOff): Promise<void>;
}
