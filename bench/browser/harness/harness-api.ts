/** What the harness page exposes as window.fieldbookBench, shared by the page and the Node side that drives it. */
export interface HarnessApi {
  /** Signs in over the app's API client (the session cookie is then the page's); returns the user id. */
  signIn(email: string, password: string): Promise<string>;
  /** #4: pulls everything into a fresh FieldbookDb with the app's pullAll, then puts the same records raw. */
  pull(dbName: string, rawName: string): Promise<PullRun>;
  /** #8: the bytes IndexedDB grows by for the outcomes in dbName, as the app stores them and raw. */
  storedBytes(dbName: string, rawName: string): Promise<StoredBytes>;
  /** #3: logOutcome against an action by ref, alternating with a raw one-record put. */
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

export interface StoredBytes {
  outcomes: number;
  appBytes: number;
  rawBytes: number;
  /** The outcomes' JSON as the server sends them. */
  jsonBytes: number;
}

export interface SaveRun {
  appMs: number[];
  rawMs: number[];
  outbox: number;
  outcomesOnDevice: number;
}
