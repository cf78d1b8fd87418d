import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import type { OutcomeRecord } from '../../domain/outcome';
import type { LocalOutcome } from './local-records';

/**
 * How an outcome is stored, below everything the app sees.
 *
 * The server's copy (from database v6): most outcomes on a phone are exactly what the server
 * sent, so their `server` would repeat every field of the record itself. Such a record is stored
 * WITHOUT the `server` property, which means "the server's copy is this record's own fields"
 * (never confused with `server: null`, "the server does not have it yet", which is always
 * stored). Decision 29.
 *
 * Its sync state (from database v7): a synced outcome is stored WITHOUT `syncState`, so the
 * `syncState` index holds only the outcomes that are waiting or refused — a handful, where it
 * held every outcome on the phone, each entry written on every pull (decision 33). Querying that
 * index for 'pending' or 'rejected' (or notEqual('synced')) is exact; it can never find 'synced'.
 *
 * Every read puts both back, so the app only ever sees a full LocalOutcome, as before; every
 * write packs again. The choice is taken on each write from the record as written, not by the
 * code writing it: an edit that changes a field keeps the server's copy in full, and a record
 * that becomes pending gets its syncState stored, without that code knowing.
 */

/** The fields a LocalOutcome adds to the record: never part of the server's copy. */
const LOCAL_FIELDS = new Set(['syncState', 'rejection', 'server', 'localDeleted']);

type Stored = Omit<LocalOutcome, 'server'> & { server?: OutcomeRecord | null };

/** The same JSON value (records are JSON: strings, numbers, booleans, null, arrays, plain objects). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The record's own fields, which are the server's copy when `server` was left out. */
function ownRecord(o: Stored): OutcomeRecord {
  const record: Record<string, unknown> = {};
  for (const k of Object.keys(o)) if (!LOCAL_FIELDS.has(k)) record[k] = (o as unknown as Record<string, unknown>)[k];
  return record as OutcomeRecord;
}

/** As stored: without `server` when it is exactly the record's own fields, without `syncState` when synced. */
export function packOutcome(o: LocalOutcome): Stored {
  const dropServer = o.server !== null && typeof o.server === 'object' && sameJson(ownRecord(o), o.server);
  const dropState = o.syncState === 'synced';
  if (!dropServer && !dropState) return o;
  const packed: Partial<Stored> = { ...o };
  if (dropServer) delete packed.server;
  if (dropState) delete packed.syncState;
  return packed as Stored;
}

/** As the app sees it: with `server` and `syncState` put back. Records stored with both are returned as they are. */
export function unpackOutcome(o: unknown): LocalOutcome {
  const stored = o as Partial<Stored> | undefined | null;
  if (stored === undefined || stored === null || ('server' in stored && 'syncState' in stored)) return stored as LocalOutcome;
  // One copy per read (10,000 outcomes are read at a cold start): fields filled in place.
  const full = { ...stored } as Stored & { server: OutcomeRecord | null };
  if (!('syncState' in stored)) full.syncState = 'synced';
  if (!('server' in stored)) full.server = ownRecord(full);
  return full;
}

function unpackCursor(cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown;
  let unpacked: LocalOutcome | undefined;
  // The core cursor is the browser's IDBCursor: its getters refuse any other `this`, so every one
  // read through the wrapper is forwarded (as Dexie's own cursor wrappers do).
  return Object.create(cursor, {
    key: { get: (): unknown => cursor.key },
    primaryKey: { get: (): unknown => cursor.primaryKey },
    value: {
      get() {
        // Read once per position: the same object each time it is asked for there.
        const value: unknown = cursor.value;
        if (value !== raw || unpacked === undefined) {
          raw = value;
          unpacked = unpackOutcome(value);
        }
        return unpacked;
      },
    },
  }) as DBCoreCursor;
}

// Dexie's own promises (.then), never async/await: a native await here would lose the transaction
// zone (PSD) that the middleware above relies on.
function outcomesTable(down: DBCoreTable): DBCoreTable {
  return {
    ...down,
    mutate: (req) =>
      req.type === 'add' || req.type === 'put' ? down.mutate({ ...req, values: req.values.map((v) => packOutcome(v as LocalOutcome)) }) : down.mutate(req),
    get: (req) => down.get(req).then(unpackOutcome),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(unpackOutcome)),
    query: (req) => down.query(req).then((res) => (req.values ? { ...res, result: res.result.map(unpackOutcome) } : res)),
    openCursor: (req) => down.openCursor(req).then((cursor) => (cursor && req.values ? unpackCursor(cursor) : cursor)),
  };
}

/**
 * Installed below Dexie's own middleware (level -2: the cache, live queries and hooks above it
 * only ever see full records), on the outcomes table only.
 */
export const serverCopyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'OutcomeStoredShape',
  level: -2,
  create: (down) => ({
    ...down,
    table: (name) => (name === 'outcomes' ? outcomesTable(down.table(name)) : down.table(name)),
  }),
};
