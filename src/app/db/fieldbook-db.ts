import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Action, Indicator, Measure, Objective, Partnership, Plan, Priority } from '../../domain/plan';
import type { LocalOutcome, MetaEntry, OutboxEntry } from './local-records';

/**
 * One IndexedDB database per signed-in user on this device ("fieldbook-user-<id>"): a second
 * officer on the same phone never sees or pushes the first one's queue, and signing out never
 * has to delete unsynced work to protect it.
 *
 * Schema versions are append-only: every shipped db.version(n) stays declared forever, and data
 * changes go in .upgrade() of a new version, tested against a frozen copy of the old data
 * (test/unit/app/db-schema.test.ts).
 */
export class FieldbookDb extends Dexie {
  meta!: Table<MetaEntry, MetaEntry['key']>;
  partnerships!: EntityTable<Partnership, 'id'>;
  plans!: EntityTable<Plan, 'id'>;
  objectives!: EntityTable<Objective, 'id'>;
  priorities!: EntityTable<Priority, 'id'>;
  indicators!: EntityTable<Indicator, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  measures!: EntityTable<Measure, 'id'>;
  outcomes!: EntityTable<LocalOutcome, 'id'>;
  outbox!: Table<OutboxEntry, number>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
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
  }
}

export const PULLED_STORES = ['partnerships', 'plans', 'objectives', 'priorities', 'indicators', 'actions', 'measures'] as const;

export function dbNameForUser(userId: string): string {
  return `fieldbook-user-${userId}`;
}
