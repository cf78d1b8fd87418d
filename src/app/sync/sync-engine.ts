import type { ApiClient } from '../api/api-client';
import { ApiError, NetworkError } from '../api/api-errors';
import type { FieldbookDb } from '../db/fieldbook-db';
import { pushOutbox } from './push-outbox';
import { pullAll } from './pull-changes';
import { uploadWaitingPhotos } from './upload-photos';
import { checkForLostDevice } from './lost-device';
import type { SyncProblem, SyncSnapshot } from './sync-status';

export interface SyncEngineOptions {
  db: FieldbookDb;
  api: ApiClient;
  /** The signed-in user whose database this is: plan-change notices are about their actions and outcomes. */
  userId: string;
  /** The session ended on the server: the app asks the officer to sign in again; the queue stays. */
  onSignInNeeded: () => void;
  /** Work is queued and may wait for signal: the app asks for Background Sync here. */
  onWaiting?: () => void;
  /** True while sync must wait (the officer has to sign in again first). */
  isPaused?: () => boolean;
  isOnline?: () => boolean;
  now?: () => Date;
  /** For tests: the source of retry jitter. */
  random?: () => number;
  /** Runs fn while holding a lock shared by every tab of this user; undefined = this tab alone. */
  withLock?: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  /** When the last sync finished, if the caller has read it already (undefined: the engine reads it). */
  lastSyncedAt?: string | null;
}

/** Backoff after failures: 5 s doubling to a 5-minute cap, each with jitter. */
const RETRY_BASE_MS = 5_000;
const RETRY_CAP_MS = 300_000;
/** While open and well, sync every two minutes. */
const PERIODIC_MS = 120_000;
const SOON_MS = 800;

/**
 * Moves the outbox to the server and the server's changes to the phone: push first (so the
 * officer's work leaves the phone as early as possible), then pull.
 *
 * One sync at a time per tab (a second request joins the running one and runs again after it),
 * and one per user across tabs (a Web Lock), so two tabs never push the same outbox at once.
 * Triggers: start, coming back online, a save, the tab becoming visible, every minute, and
 * "Sync now". After a failure it retries with growing delays, and at once when signal returns.
 */
export class SyncEngine {
  private snapshot: SyncSnapshot;
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private soonTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly isOnline: () => boolean;
  private readonly now: () => Date;
  private readonly random: () => number;

  constructor(private readonly opts: SyncEngineOptions) {
    this.isOnline = opts.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
    this.snapshot = { syncing: false, online: this.isOnline(), problem: null, lastSyncedAt: opts.lastSyncedAt ?? null, retryAt: null };
    if (opts.lastSyncedAt === undefined) void opts.db.meta.get('lastSyncedAt').then((m) => m && this.update({ lastSyncedAt: String(m.value) }));
  }

  getSnapshot = (): SyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Syncs now; resolves when this sync (and any requested while it ran) is over. Never rejects. */
  syncNow = (): Promise<void> => {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    clearTimeout(this.retryTimer);
    this.running = this.runLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  };

  /** After a save: sync shortly, so several quick saves go in one push. */
  requestSoon(): void {
    this.opts.onWaiting?.();
    clearTimeout(this.soonTimer);
    this.soonTimer = setTimeout(() => void this.syncNow(), SOON_MS);
  }

  /** Stops for good: no more syncs, timers cleared (sign-out calls this before deleting the database). */
  dispose(): void {
    this.stopped = true;
    this.disposeTriggers?.();
    clearTimeout(this.retryTimer);
    clearTimeout(this.soonTimer);
  }

  private disposeTriggers: (() => void) | undefined;

  /** Wires the browser triggers; returns the function that unwires them. */
  start(): () => void {
    const onOnline = () => {
      // Signal is back: "offline" is no longer the problem, whether or not this tab gets to sync
      // (another tab may hold the lock and do it for both).
      this.update({ online: true, problem: this.snapshot.problem?.kind === 'offline' ? null : this.snapshot.problem });
      this.failures = 0;
      void this.syncNow();
    };
    const onOffline = () => this.update({ online: false, problem: offlineProblem() });
    const onVisible = () => {
      if (globalThis.document?.visibilityState === 'visible') void this.syncNow();
    };
    globalThis.addEventListener?.('online', onOnline);
    globalThis.addEventListener?.('offline', onOffline);
    globalThis.document?.addEventListener('visibilitychange', onVisible);
    const periodic = setInterval(() => void this.syncNow(), PERIODIC_MS);
    this.disposeTriggers = () => {
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
      clearInterval(periodic);
    };
    void this.syncNow();
    return () => this.dispose();
  }

  private async runLoop(): Promise<void> {
    do {
      this.again = false;
      await this.runOnce();
    } while (this.again && !this.stopped);
  }

  private async runOnce(): Promise<void> {
    if (this.stopped || this.opts.isPaused?.()) return;
    if (!this.isOnline()) {
      this.update({ online: false, problem: offlineProblem() });
      this.opts.onWaiting?.();
      return;
    }
    this.update({ syncing: true, online: true });
    try {
      const cycle = async () => {
        await checkForLostDevice(this.opts.db, this.opts.api);
        await pushOutbox(this.opts.db, this.opts.api);
        await pullAll(this.opts.db, this.opts.api, this.opts.userId);
        // Photos last: the pull has just told the phone which outcomes the server holds.
        await uploadWaitingPhotos(this.opts.db, this.opts.api);
        return true;
      };
      const done = this.opts.withLock ? await this.opts.withLock(cycle) : await cycle();
      if (done) {
        const at = this.now().toISOString();
        await this.opts.db.meta.put({ key: 'lastSyncedAt', value: at });
        this.failures = 0;
        this.update({ syncing: false, problem: null, lastSyncedAt: at, retryAt: null });
      } else {
        // Another tab holds the lock and is syncing this same database; its result shows here through
        // IndexedDB. This tab was online to try, so it no longer says it is offline.
        this.update({ syncing: false, problem: this.snapshot.problem?.kind === 'offline' ? null : this.snapshot.problem });
      }
    } catch (e) {
      const problem = describe(e);
      if (problem.kind === 'sign-in') {
        this.opts.onSignInNeeded();
        this.update({ syncing: false, problem, retryAt: null });
        return;
      }
      this.scheduleRetry(problem);
    }
  }

  private scheduleRetry(problem: SyncProblem): void {
    this.opts.onWaiting?.();
    const delay = retryDelayMs(this.failures, this.random);
    this.failures++;
    const retryAt = new Date(this.now().getTime() + delay).toISOString();
    this.update({ syncing: false, problem, retryAt, online: this.isOnline() });
    if (!this.stopped) this.retryTimer = setTimeout(() => void this.syncNow(), delay);
  }

  private update(patch: Partial<SyncSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}

function offlineProblem(): SyncProblem {
  return { kind: 'offline', message: 'No connection. Everything is saved on this phone and will sync when you are back online.' };
}

function describe(e: unknown): SyncProblem {
  if (e instanceof NetworkError) return { kind: 'network', message: e.message };
  if (e instanceof ApiError && e.status === 401) return { kind: 'sign-in', message: 'Your session has ended. Sign in again to sync.' };
  if (e instanceof ApiError) return { kind: 'server', message: e.message };
  return { kind: 'server', message: e instanceof Error ? e.message : 'Sync failed.' };
}

/**
 * The wait before retry number `failures` (0-based): exponential from 5 s, capped at 5 minutes,
 * with "equal jitter" (half fixed, half random) so that phones that lost signal together, at a
 * station or a shift change, do not all come back at the same instant.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** failures);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
