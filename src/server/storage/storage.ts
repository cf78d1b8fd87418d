import type { AccountStore } from './stores/account-store';
import type { SessionStore } from './stores/session-store';
import type { AuditStore } from './stores/audit-store';
import type { PlanStore } from './stores/plan-store';
import type { OutcomeStore } from './stores/outcome-store';
import type { PlaceStore } from './stores/place-store';
import type { PhotoStore } from './stores/photo-store';
import type { DeviceStore } from './stores/device-store';
import type { ReviewStore } from './stores/review-store';
import type { FundReturnStore } from './stores/fund-return-store';
import type { FeedStore } from './stores/feed-store';
import type { PartnershipListStore } from './stores/partnership-list-store';

/**
 * Fieldbook's storage, as the rest of the server sees it: Kysely over SQLite (one machine) or
 * PostgreSQL (several instances), behind the same interface. Nothing dialect-specific crosses
 * this line: callers see plain records, never SQL, rows or driver errors.
 */
export interface Storage {
  /**
   * Runs fn inside one transaction: everything it writes commits together or not at all.
   * Sync relies on this (an outcome and the device's sequence number land together).
   * `kind` says how it meets concurrent transactions (see TransactionKind); 'write' by default.
   */
  transaction<T>(fn: (tx: StorageTx) => Promise<T>, kind?: TransactionKind): Promise<T>;
  close(): Promise<void>;
}

/**
 * How a transaction meets the others running at the same time, on any instance.
 * SQLite runs one transaction at a time, so there every kind behaves as 'write'. On PostgreSQL:
 * - 'write': runs alone among 'write' transactions (it locks the sync counter row first), exactly
 *   as on SQLite, so read-check-write logic (a device's last sequence number, an outcome's field
 *   versions, a throttle counter) cannot interleave with another instance's. The default.
 * - 'read': one consistent snapshot of the whole database, and nothing may be written. For pulls
 *   (every table read at the same moment) and reports.
 * - 'touch': runs beside everything else, for small writes that need no ordering and no version:
 *   a session's last-seen time, the removal of an expired session. Never take a version in one.
 * (docs/decisions/0021-postgresql.md)
 */
export type TransactionKind = 'write' | 'read' | 'touch';

/**
 * One transaction's view of storage: the version counter, and one store per aggregate, each in
 * stores/ (its contract beside its Kysely implementation). Everything a store does runs in this
 * transaction.
 */
export interface StorageTx {
  /**
   * The next version number. Taken inside the writing transaction so that versions are handed out
   * in commit order: the counter row stays locked until commit, so no later version can commit
   * before an earlier one (the cursor-skip trap under concurrent writers; docs/sync-protocol.md).
   */
  takeVersion(): Promise<number>;
  /** `count` consecutive versions under the same guarantee as takeVersion; returns the first. */
  takeVersions(count: number): Promise<number>;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly audit: AuditStore;
  readonly plans: PlanStore;
  readonly lists: PartnershipListStore;
  readonly outcomes: OutcomeStore;
  readonly places: PlaceStore;
  readonly photos: PhotoStore;
  readonly devices: DeviceStore;
  readonly reviews: ReviewStore;
  readonly fundReturns: FundReturnStore;
  readonly feed: FeedStore;
}
