import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Action, Indicator, Measure, Objective, Partnership, Plan, Priority } from '../../domain/plan';
import type { ActionReview, QuarterSignOff } from '../../domain/review';
import type { Area, Organisation } from '../../domain/partnership-lists';
import type { FundReturn } from '../../domain/fund-return';
import type { FormDraft, LocalOutcome, LocalPhoto, LocalPlace, MetaEntry, OutboxEntry, PlanNotice } from './local-records';
import { upgradeToV2 } from './upgrades/v2-outcome-edits';
import { upgradeToV3 } from './upgrades/v3-outcome-types';
import { upgradeToV6 } from './upgrades/v6-server-copy';
import { upgradeToV7 } from './upgrades/v7-sync-state-index';
import { serverCopyMiddleware } from './server-copy';

/**
 * One IndexedDB database per signed-in user on this device ("fieldbook-user-<id>"): a second
 * officer on the same phone never sees or pushes the first one's queue.
 *
 * Schema versions are append-only: every shipped db.version(n) stays declared exactly as it
 * shipped (test/unit/app/db-schema.test.ts compares each with a frozen copy), and data changes go
 * in .upgrade() of the next version, tested against frozen data written by the old version
 * (test/unit/app/db-upgrades.test.ts).
 */
export class FieldbookDb extends Dexie {
  meta!: Table<MetaEntry, MetaEntry['key']>;
  partnerships!: EntityTable<Partnership, 'id'>;
  areas!: EntityTable<Area, 'id'>;
  organisations!: EntityTable<Organisation, 'id'>;
  plans!: EntityTable<Plan, 'id'>;
  objectives!: EntityTable<Objective, 'id'>;
  priorities!: EntityTable<Priority, 'id'>;
  indicators!: EntityTable<Indicator, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  measures!: EntityTable<Measure, 'id'>;
  outcomes!: EntityTable<LocalOutcome, 'id'>;
  outbox!: Table<OutboxEntry, number>;
  drafts!: Table<FormDraft, string>;
  places!: EntityTable<LocalPlace, 'id'>;
  photos!: EntityTable<LocalPhoto, 'id'>;
  notices!: EntityTable<PlanNotice, 'id'>;
  reviews!: EntityTable<ActionReview, 'id'>;
  signOffs!: EntityTable<QuarterSignOff, 'id'>;
  fundReturns!: EntityTable<FundReturn, 'id'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 (foundation): shipped; never edit.
    this.version(1).stores({
      meta: 'key',
      partnerships: 'id',
      plans: 'id, partnershipId',
      objectives: 'id, planId',
      priorities: 'id, planId',
      indicators: 'id, planId',
      actions: 'id, planId, priorityId, ref, *ownerIds',
      measures: 'id, actionId',
      outcomes: 'id, actionId, syncState',
      outbox: 'seq',
    });
    // v2: edits and deletes. The outbox is looked up by outcome (to rebase pending edits on a pull).
    this.version(2)
      .stores({ outbox: 'seq, outcomeId' })
      .upgrade((tx) => upgradeToV2(tx));
    // v3: outcome types and details in place of one measure and a quantity; form drafts; place registers; photos.
    this.version(3)
      .stores({ drafts: 'key', places: 'id, partnershipId, kind', photos: 'id, outcomeId, uploadState' })
      .upgrade((tx) => upgradeToV3(tx));
    // v4: the coordinator workspace. Notices of plan changes that touch the officer's work (an
    // action merged or renumbered); quarterly reviews and PCC fund returns (coordinators) and
    // sign-offs (everyone, as they lock outcomes). New tables only: no data changes.
    this.version(4).stores({ notices: 'id', reviews: 'id, planId, actionId', signOffs: 'id, planId', fundReturns: 'id, planId' });
    // v5: indexes for the two reads that otherwise deserialise every outcome on the phone (the
    // "save an outcome" and "cold start" benchmarks, with 10,000 of them): the officer's latest outcomes ("Log again", on the first
    // screen) and the same-day duplicate guard on every save. IndexedDB fills new indexes from
    // the records already there: no data changes.
    this.version(5).stores({ outcomes: 'id, actionId, syncState, [authorId+recordedAt], [actionId+occurredOn]' });
    // v6: an outcome whose server copy is exactly its own fields is stored without it (the "pull
    // outcomes" and "bytes in IndexedDB" benchmarks: each pulled outcome was stored twice). The app reads and writes full records
    // through serverCopyMiddleware; the stored shape changed, so a release before v6 must not
    // open this database. Same tables and indexes.
    this.version(6)
      .stores({})
      .upgrade((tx) => upgradeToV6(tx));
    // v7: two fewer index entries written per outcome on every pull (the "pull outcomes" and
    // "bytes in IndexedDB" benchmarks; decision 33). Synced outcomes are stored without `syncState` (the middleware puts it back), so the
    // syncState index holds only waiting and refused ones, which is all it is asked for; and the
    // `actionId` index goes: Dexie answers where('actionId') from [actionId+occurredOn] (a
    // "virtual index" on the compound's first part; every outcome has an occurredOn).
    this.version(7)
      .stores({ outcomes: 'id, syncState, [authorId+recordedAt], [actionId+occurredOn]' })
      .upgrade((tx) => upgradeToV7(tx));
    // v8: a partnership's areas and partner organisations, pulled like the plan (issue 17). New
    // tables only. Outcomes on the phone gain their area's id when pulled again: the server's
    // cursor protocol 2 starts every phone again from nothing (a pull with reset). The queue is not
    // touched: a queued outcome names only its town, and the server finds the area by it.
    this.version(8).stores({ areas: 'id, partnershipId', organisations: 'id, partnershipId' });
    this.use(serverCopyMiddleware);
  }
}

export function dbNameForUser(userId: string): string {
  return `fieldbook-user-${userId}`;
}
