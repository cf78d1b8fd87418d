import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';
import type { Storage, StorageTx, TransactionKind } from './storage';
import { RowInserts } from './row-inserts';
import { KyselyAccountStore } from './stores/kysely-account-store';
import { KyselySessionStore } from './stores/kysely-session-store';
import { KyselyAuditStore } from './stores/kysely-audit-store';
import { KyselyPlanStore } from './stores/kysely-plan-store';
import { KyselyOutcomeStore } from './stores/kysely-outcome-store';
import { KyselyPlaceStore } from './stores/kysely-place-store';
import { KyselyPhotoStore } from './stores/kysely-photo-store';
import { KyselyDeviceStore } from './stores/kysely-device-store';
import { KyselyReviewStore } from './stores/kysely-review-store';
import { KyselyFundReturnStore } from './stores/kysely-fund-return-store';
import { KyselyFeedStore } from './stores/kysely-feed-store';
import { KyselyPartnershipListStore } from './stores/kysely-partnership-list-store';

export type Backend = 'sqlite' | 'postgres';

/**
 * Storage over Kysely: the queries are written once and Kysely's dialect turns them into
 * SQLite or PostgreSQL. Keep every query portable (no SQLite-only functions, no upsert syntax
 * differences): only how a transaction begins differs by backend.
 */
export class KyselyStorage implements Storage {
  constructor(
    private readonly db: Kysely<Database>,
    readonly backend: Backend = 'sqlite',
  ) {}

  /** The compiled text of the multi-row inserts, shared by every transaction on this database. */
  private readonly inserts = new RowInserts();

  transaction<T>(fn: (tx: StorageTx) => Promise<T>, kind: TransactionKind = 'write'): Promise<T> {
    // SQLite: one connection, and Kysely runs its transactions one after another on it.
    if (this.backend === 'sqlite') return this.db.transaction().execute((trx) => fn(kyselyTx(trx, this.inserts)));
    if (kind === 'read') {
      // One snapshot for every statement (READ COMMITTED takes one per statement, and a pull
      // reading table after table could then pass over a change committed in between).
      return this.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((trx) => fn(kyselyTx(trx, this.inserts)));
    }
    return this.db.transaction().execute(async (trx) => {
      // The counter row is the one lock every writing transaction takes, first, and holds to
      // commit: writes run one at a time across all instances, and versions are taken and
      // committed in the same order, so a pull that sees version V sees everything below it.
      if (kind === 'write') await sql`select value from sync_counter where id = 1 for update`.execute(trx);
      return fn(kyselyTx(trx, this.inserts));
    });
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/**
 * One transaction's stores, all over the same Kysely transaction. Versions come from one counter
 * row: the stores that version their writes (plans, lists, reviews, fund returns, the audit log's seqs)
 * take them here, so they follow the same rule as the callers that take their own.
 */
function kyselyTx(t: Transaction<Database>, inserts: RowInserts): StorageTx {
  const takeVersion = async () => {
    const r = await t
      .updateTable('sync_counter')
      .set({ value: sql`value + 1` })
      .where('id', '=', 1)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(r.value);
  };
  // `count` consecutive versions in one step (a push's outcomes): the first is returned. The same
  // counter row as takeVersion, so the range is held by this transaction until it commits.
  const takeVersions = async (count: number) => {
    const r = await t
      .updateTable('sync_counter')
      .set({ value: sql`value + ${count}` })
      .where('id', '=', 1)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(r.value) - count + 1;
  };
  return {
    takeVersion,
    takeVersions,
    accounts: new KyselyAccountStore(t),
    sessions: new KyselySessionStore(t),
    audit: new KyselyAuditStore(t, takeVersions, inserts),
    plans: new KyselyPlanStore(t, takeVersion),
    lists: new KyselyPartnershipListStore(t, takeVersion),
    outcomes: new KyselyOutcomeStore(t, inserts),
    places: new KyselyPlaceStore(t),
    photos: new KyselyPhotoStore(t),
    devices: new KyselyDeviceStore(t),
    reviews: new KyselyReviewStore(t, takeVersion),
    fundReturns: new KyselyFundReturnStore(t, takeVersion),
    feed: new KyselyFeedStore(t),
  };
}
