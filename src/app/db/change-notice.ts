import { Dexie, RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { FieldbookDb } from './fieldbook-db';

/** One write made with raw IndexedDB on the database Dexie opened: a record put (or added), or a key deleted. */
export type RawWrite = { table: string; put: object } | { table: string; deleted: IndexableType };

/**
 * Dexie's channel for "these parts of these databases changed" (its STORAGE_MUTATED_DOM_EVENT_NAME,
 * Dexie 4). Every Dexie in this origin listens on it: another tab, the service worker, and this
 * tab's own Dexie, because a BroadcastChannel delivers to every other channel object of the same
 * name, the one in the sending tab included. On a message Dexie fires its `storagemutated` event
 * and empties and re-runs the live queries the parts overlap (its global query cache included):
 * exactly what it does for a write committed in the service worker. test/unit/app/raw-save-live.test.ts
 * fails if a Dexie upgrade renames it.
 */
const DEXIE_CHANNEL = 'x-storagemutated-1';
let channel: BroadcastChannel | undefined;

/**
 * Tells every live query (useLiveQuery screens in this tab and others) about writes committed
 * with raw IndexedDB, as Dexie's observability middleware would have described them had they gone
 * through Dexie: for each table, the primary keys written (also as possibly deleted, as Dexie
 * marks a write whose old record it did not read) and the key of every index of each record put.
 * Call it once the transaction has completed.
 */
export function announceRawWrites(db: FieldbookDb, writes: RawWrite[]): void {
  const parts: Record<string, RangeSet> = {};
  const rangeSet = (table: string, index: string) => (parts[`idb://${db.name}/${table}/${index}`] ??= new RangeSet());
  for (const write of writes) {
    const schema = db.table(write.table).schema;
    if ('deleted' in write) {
      rangeSet(write.table, '').addKey(write.deleted);
      rangeSet(write.table, ':dels').addKey(write.deleted);
      continue;
    }
    const record = write.put as Record<string, unknown>;
    const key = keyOf(record, schema.primKey.keyPath);
    if (key === undefined) throw new Error(`A raw write to ${write.table} without its primary key`);
    rangeSet(write.table, '').addKey(key);
    rangeSet(write.table, ':dels').addKey(key);
    for (const index of schema.indexes) {
      const value = keyOf(record, index.keyPath);
      if (value === undefined) continue;
      if (index.multi && Array.isArray(value)) for (const v of value as unknown as IndexableType[]) rangeSet(write.table, index.name).addKey(v);
      else rangeSet(write.table, index.name).addKey(value);
    }
  }
  if (!channel) {
    channel = new BroadcastChannel(DEXIE_CHANNEL);
    // Node (unit tests) would otherwise stay alive for the channel, as Dexie's own unrefs it.
    (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  }
  const changed: ObservabilitySet = parts;
  channel.postMessage(changed);
}

/** The key a record has under this key path (a property, or several for a compound index); undefined when it has none. */
function keyOf(record: Record<string, unknown>, keyPath: string | string[] | null | undefined): IndexableType | undefined {
  if (keyPath === null || keyPath === undefined) return undefined;
  if (typeof keyPath === 'string') return isKey(record[keyPath]) ? (record[keyPath] as IndexableType) : undefined;
  const parts = keyPath.map((p) => record[p]);
  return parts.every(isKey) ? (parts as IndexableType) : undefined;
}

/** What IndexedDB accepts as a key (and so indexes): a string, a finite number, a date, binary data or an array of keys. */
function isKey(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (Array.isArray(value)) return value.every(isKey);
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/**
 * Calls `onChange` whenever Dexie reports a committed change to any of these tables of this
 * database: a write through Dexie in this tab (synchronously, as the transaction completes), one
 * in another tab or the service worker, or a raw write announced above (both over Dexie's channel).
 * Also when Dexie says anything may have changed ('all': a page restored from the back-forward
 * cache). Returns the unsubscribe.
 */
export function onTablesChanged(db: FieldbookDb, tables: readonly string[], onChange: () => void): () => void {
  const prefixes = tables.map((t) => `idb://${db.name}/${t}/`);
  const onMutated = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((key) => key === 'all' || prefixes.some((p) => key.startsWith(p)))) onChange();
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  return () => Dexie.on.storagemutated.unsubscribe(onMutated);
}
