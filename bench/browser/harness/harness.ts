/**
 * Runs in headless Chromium, on the Fieldbook server's own origin (so the session cookie and the
 * pull API are the app's). It exposes the app's real data and sync code (logOutcome, pullAll over
 * the real API client, the real Dexie schema) and raw-IndexedDB baselines, so each figure and its
 * baseline are measured in the same page, one after the other, on the same disk.
 */
import { createApiClient } from '../../../src/app/api/api-client';
import { logOutcome, type OutcomeFormValues } from '../../../src/app/data/log-outcome';
import { FieldbookDb } from '../../../src/app/db/fieldbook-db';
import { pullAll } from '../../../src/app/sync/pull-changes';
import type { OutcomeRecord } from '../../../src/domain/outcome';
import { localIsoDate } from '../../../src/domain/primitives';
import type { SessionUser } from '../../../src/domain/user';
import { outcomeFor } from '../../../test/support/outcomes';
import type { HarnessApi, PullRun, SaveRun, StoredRecords } from './harness-api';

const api = createApiClient({ baseUrl: '', timeoutMs: 300_000 });
let user: SessionUser | undefined;

/** Main-thread tasks over 50 ms (the Long Tasks API's own threshold) while fn runs. */
async function withLongTasks<T>(fn: () => Promise<T>): Promise<{ result: T; longTasks: number[] }> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  const result = await fn();
  // Entries are delivered asynchronously: let the last ones arrive before disconnecting.
  await new Promise((r) => setTimeout(r, 100));
  for (const e of observer.takeRecords()) longTasks.push(e.duration);
  observer.disconnect();
  return { result, longTasks };
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('outcomes', { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`could not open ${name}`));
  });
}

/** One readwrite transaction putting these records; resolves when it has committed. */
function rawPut(db: IDBDatabase, records: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('outcomes', 'readwrite');
    const store = tx.objectStore('outcomes');
    for (const r of records) store.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw put failed'));
    tx.onabort = () => reject(tx.error ?? new Error('raw put aborted'));
  });
}

/** An existing database at whatever version it has (no upgrade). */
function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    // Opening a database that is not there would create it empty: refuse instead.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(`${name} does not exist`, { cause: req.error }));
  });
}

function readAll(db: IDBDatabase, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result as unknown[]);
    req.onerror = () => reject(req.error ?? new Error(`could not read ${store}`));
  });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
  });
}

async function indexedDbUsage(): Promise<number> {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
  return estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0;
}

function requireUser(): SessionUser {
  if (!user) throw new Error('signIn first');
  return user;
}

const harness: HarnessApi = {
  async signIn(email, password) {
    user = await api.signIn({ email, password });
    return user.id;
  },

  async pull(dbName, rawName, withBaseline = true) {
    const viewer = requireUser();
    await deleteDatabase(dbName);
    await deleteDatabase(rawName);
    const db = new FieldbookDb(dbName);
    let networkMs = 0;
    const timedApi = {
      ...api,
      pull: async (cursor: string | undefined, limit?: number) => {
        const sent = performance.now();
        const page = await api.pull(cursor, limit);
        networkMs += performance.now() - sent;
        return page;
      },
    };
    const started = performance.now();
    const app = await withLongTasks(() => pullAll(db, timedApi, viewer.id));
    const appMs = performance.now() - started;
    const outcomes = await db.outcomes.count();
    if (!withBaseline) {
      db.close();
      const appOnly: PullRun = { outcomes, pages: app.result.pages, appMs, networkMs, rawMs: 0, appLongTasks: app.longTasks, rawLongTasks: [] };
      return appOnly;
    }

    // The same records as the server sent them, fetched again (untimed), then put raw: one
    // transaction per page, the page size the app pulls with.
    const pages: OutcomeRecord[][] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await api.pull(cursor);
      if (page.changes.outcomes.length > 0) pages.push(page.changes.outcomes);
      cursor = page.cursor;
      if (!page.more) break;
    }
    const raw = await openRaw(rawName);
    const rawStarted = performance.now();
    const baseline = await withLongTasks(async () => {
      for (const page of pages) await rawPut(raw, page);
    });
    const rawMs = performance.now() - rawStarted;
    raw.close();
    db.close();
    const run: PullRun = { outcomes, pages: app.result.pages, appMs, networkMs, rawMs, appLongTasks: app.longTasks, rawLongTasks: baseline.longTasks };
    return run;
  },

  async storedRecords(dbName, rawName) {
    // What IndexedDB holds, read with raw IndexedDB: Dexie's middleware would put the server's copy back.
    const appDb = await openExisting(dbName);
    const app = await readAll(appDb, 'outcomes');
    const store = appDb.transaction('outcomes').objectStore('outcomes');
    const appIndexes = Array.from(store.indexNames, (name) => {
      const index = store.index(name);
      return { name, keyPath: typeof index.keyPath === 'string' ? index.keyPath : Array.from(index.keyPath), multiEntry: index.multiEntry };
    });
    appDb.close();
    const rawDb = await openExisting(rawName);
    const raw = await readAll(rawDb, 'outcomes');
    rawDb.close();

    // The estimate() deltas, on fresh copies written one database at a time (kept for comparison only).
    const local = await (async () => {
      const source = new FieldbookDb(dbName);
      const all = await source.outcomes.toArray();
      source.close();
      return all;
    })();
    await deleteDatabase(`${dbName}-copy`);
    const before = await indexedDbUsage();
    const copy = new FieldbookDb(`${dbName}-copy`);
    for (let i = 0; i < local.length; i += 1000) await copy.outcomes.bulkPut(local.slice(i, i + 1000));
    copy.close();
    const estimateAppBytes = (await indexedDbUsage()) - before;
    await deleteDatabase(`${dbName}-copy`);
    await deleteDatabase(`${rawName}-copy`);
    const rawBefore = await indexedDbUsage();
    const rawCopy = await openRaw(`${rawName}-copy`);
    for (let i = 0; i < raw.length; i += 1000) await rawPut(rawCopy, raw.slice(i, i + 1000));
    rawCopy.close();
    const estimateRawBytes = (await indexedDbUsage()) - rawBefore;
    await deleteDatabase(`${rawName}-copy`);
    const records: StoredRecords = { app, appIndexes, raw, estimateAppBytes, estimateRawBytes };
    return records;
  },

  async save(dbName, rawName, ref, warmUp, runs) {
    const officer = requireUser();
    const db = new FieldbookDb(dbName);
    await deleteDatabase(rawName);
    const raw = await openRaw(rawName);
    const template: OutcomeFormValues = await outcomeFor(db, ref);
    const app: number[] = [];
    const baseline: number[] = [];
    // Alternate app and baseline so both see the same state of the disk and the database's size.
    for (let i = 0; i < warmUp + runs; i++) {
      // As the form submits it: unconfirmed, so the same-day duplicate check runs too; each on
      // another day, so it never finds a twin and asks.
      const occurredOn = localIsoDate(new Date(Date.now() - i * 86_400_000));
      const values = { ...template, occurredOn, notes: `Bench save ${i}` };
      const t0 = performance.now();
      const saved = await logOutcome(db, officer, values);
      const t1 = performance.now();
      await rawPut(raw, [{ ...saved, id: crypto.randomUUID() }]);
      const t2 = performance.now();
      if (i >= warmUp) {
        app.push(t1 - t0);
        baseline.push(t2 - t1);
      }
    }
    const outbox = await db.outbox.count();
    const onDevice = await db.outcomes.count();
    raw.close();
    db.close();
    const run: SaveRun = { appMs: app, rawMs: baseline, outbox, outcomesOnDevice: onDevice };
    return run;
  },
};

(window as unknown as { fieldbookBench: HarnessApi }).fieldbookBench = harness;
document.body.dataset.ready = 'true';
