import type { PullChanges, PulledTable } from '../../../domain/sync/pull';

export interface Versioned<T> {
  version: number;
  record: T;
}

/**
 * What the feed reads: for each table of the pull (src/domain/sync/pull.ts, so the two cannot
 * drift), the lowest-versioned records after a version, each with its version.
 */
export type FeedChanges = { [K in PulledTable]: Versioned<PullChanges[K][number]>[] };

/** The pull feed (tx.feed): what devices pull, read from every pulled table in one snapshot. */
export interface FeedStore {
  /**
   * For each pulled table, its `limit` lowest versions after `afterVersion`, of the given
   * partnerships; the report tables (reviews, fund returns) only of `reportsOf`, the partnerships
   * whose reports the user may read (roles.ts: mayReadReports, coordinators and viewers). Run it
   * in a 'read' transaction: every table at one moment.
   */
  changesSince(partnershipIds: readonly string[], reportsOf: readonly string[], afterVersion: number, limit: number): Promise<FeedChanges>;
}
