import type { FundReturn } from '../../../domain/fund-return';

/** A plan's PCC fund return, as stored: the document, who saved it last, and its version. */
export interface StoredFundReturn extends Omit<FundReturn, 'updatedByName'> {
  partnershipId: string;
  updatedBy: string;
}

/** Each plan's PCC fund return (tx.fundReturns): one per plan, saved whole. */
export interface FundReturnStore {
  find(planId: string): Promise<StoredFundReturn | undefined>;
  /** Inserts or replaces the plan's return with a fresh version (returned), so coordinators' devices pull it. */
  save(fundReturn: Omit<StoredFundReturn, 'version'>): Promise<number>;
}
