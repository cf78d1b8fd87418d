import { serialize } from 'node:v8';

/**
 * "bytes in IndexedDB": what one outcome takes in IndexedDB, counted from the records themselves rather than from
 * navigator.storage.estimate(), whose deltas in Chromium swing by ±1.5 KB per outcome between
 * runs (it reports files on disk while LevelDB compacts behind them).
 *
 * - A record's value is counted as its structured clone: V8's ValueSerializer, which node:v8's
 *   serialize() writes and which Chromium's IndexedDB stores (Blink adds a header of a few bytes).
 * - Each index entry holds the index key and the record's primary key (twice in Chromium's
 *   LevelDB layout: in the entry's key and its value), keys encoded as Chromium encodes IndexedDB
 *   keys: a type byte, then a number as 8 bytes, a string as its length and UTF-16 code units, an
 *   array as its length and its elements. Fixed per-entry prefixes (database, store and index
 *   ids, a sequence number) are left out, so this is a floor, the same for both sides.
 * Neither counts LevelDB's block compression or its not-yet-compacted copies: those are what
 * estimate() reports, noisily.
 */

export interface IndexShape {
  name: string;
  keyPath: string | string[];
  multiEntry: boolean;
}

export interface StoredSize {
  records: number;
  /** Per record, averaged. */
  cloneBytes: number;
  jsonBytes: number;
  /** The primary key of the record's own entry. */
  keyBytes: number;
  indexEntries: number;
  indexBytes: number;
  /** keyBytes + cloneBytes + indexBytes. */
  totalBytes: number;
}

function varintBytes(n: number): number {
  let bytes = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    bytes++;
  }
  return bytes;
}

/** Bytes of a valid IndexedDB key as Chromium encodes it; undefined when the value is not a key (no entry). */
export function idbKeyBytes(key: unknown): number | undefined {
  if (typeof key === 'number') return Number.isNaN(key) ? undefined : 1 + 8;
  if (typeof key === 'string') return 1 + varintBytes(key.length) + 2 * key.length;
  if (key instanceof Date) return 1 + 8;
  if (Array.isArray(key)) {
    let bytes = 1 + varintBytes(key.length);
    for (const part of key) {
      const b = idbKeyBytes(part);
      if (b === undefined) return undefined;
      bytes += b;
    }
    return bytes;
  }
  return undefined;
}

function valueAt(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const part of path.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** The index keys a record contributes to one index (none when its key path is missing or not a key). */
function indexKeys(record: unknown, index: IndexShape): unknown[] {
  const key = typeof index.keyPath === 'string' ? valueAt(record, index.keyPath) : index.keyPath.map((p) => valueAt(record, p));
  if (index.multiEntry && Array.isArray(key)) return [...new Set(key.filter((k) => idbKeyBytes(k) !== undefined))];
  return idbKeyBytes(key) === undefined ? [] : [key];
}

export function storedSize(records: unknown[], primaryKey: string, indexes: IndexShape[]): StoredSize {
  let clone = 0;
  let json = 0;
  let keys = 0;
  let entries = 0;
  let indexBytes = 0;
  const utf8 = new TextEncoder();
  for (const record of records) {
    const pk = idbKeyBytes(valueAt(record, primaryKey)) ?? 0;
    clone += serialize(record).length;
    json += utf8.encode(JSON.stringify(record)).length;
    keys += pk;
    for (const index of indexes) {
      for (const key of indexKeys(record, index)) {
        entries++;
        indexBytes += (idbKeyBytes(key) ?? 0) + 2 * pk;
      }
    }
  }
  const n = Math.max(1, records.length);
  return {
    records: records.length,
    cloneBytes: clone / n,
    jsonBytes: json / n,
    keyBytes: keys / n,
    indexEntries: entries / n,
    indexBytes: indexBytes / n,
    totalBytes: (keys + clone + indexBytes) / n,
  };
}
