/** What the harness page exposes as window.fieldbookBench, shared by the page and the Node side that drives it. */
export interface HarnessApi {
  /** Signs in over the app's API client (the session cookie is then the page's); returns the user id. */
  signIn(email: string, password: string): Promise<string>;
  /** "pull outcomes": pulls everything into a fresh FieldbookDb with the app's pullAll, then (unless withBaseline is false) puts the same records raw. */
  pull(dbName: string, rawName: string, withBaseline?: boolean): Promise<PullRun>;
  /**
   * "bytes in IndexedDB": the outcome records exactly as IndexedDB holds them, read back with raw IndexedDB (so
   * below the app's Dexie middleware) from the app's database after a pull and from the raw
   * baseline's, with the app store's index key paths; and, for what it is worth, the growth
   * Chromium's navigator.storage.estimate() reports for a copy of each.
   */
  storedRecords(dbName: string, rawName: string): Promise<StoredRecords>;
  /** "save an outcome": logOutcome against an action by ref, alternating with a raw one-record put. */
  save(dbName: string, rawName: string, ref: string, warmUp: number, runs: number): Promise<SaveRun>;
}

export interface PullRun {
  outcomes: number;
  pages: number;
  /** pullAll from the first request to the last page committed. */
  appMs: number;
  /** Of appMs, waiting for the server's pages (the request, the server, and parsing the answer). */
  networkMs: number;
  /** The same outcome records, raw puts, one transaction per page. */
  rawMs: number;
  appLongTasks: number[];
  rawLongTasks: number[];
}

export interface StoredRecords {
  /** The app's outcome records as stored (the server's copy left out where it is the record's own fields). */
  app: unknown[];
  /** The app outcome store's indexes: each index's key path (a string, or the parts of a compound one). */
  appIndexes: { name: string; keyPath: string | string[]; multiEntry: boolean }[];
  /** The raw baseline's records: each outcome as the server sent it, in a store with no index. */
  raw: unknown[];
  /**
   * Growth of navigator.storage.estimate()'s IndexedDB usage when a copy of each is written.
   * Unreliable (Chromium's figure lags compaction: it swings by ±1.5 KB per outcome between
   * runs), reported only beside the figures above.
   */
  estimateAppBytes: number;
  estimateRawBytes: number;
}

export interface SaveRun {
  appMs: number[];
  rawMs: number[];
  outbox: number;
  outcomesOnDevice: number;
}
