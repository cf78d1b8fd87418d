import type { SyncEngine } from '../sync/sync-engine';
import type { SyncSnapshot } from '../sync/sync-status';

/** What screens use of the sync engine (the engine itself, or a stand-in until it has loaded). */
export type SyncHandle = Pick<SyncEngine, 'getSnapshot' | 'subscribe' | 'syncNow' | 'requestSoon' | 'dispose'>;

/**
 * The sync engine as the screens hold it from the first frame, while the engine itself (its own
 * chunk, with the protocol schemas it checks against) loads once the first screen has painted:
 * waiting for it held every screen on "Loading" and made its start-up one of the long tasks
 * Lighthouse counts (the "Lighthouse" and "cold start" benchmarks).
 *
 * Nothing asked of it before then is lost: a save's requestSoon() is passed on when the engine
 * arrives (the engine also syncs at once when it starts, and the outbox is in IndexedDB, so a
 * save never depends on this call), and syncNow() resolves when the engine's sync does. Until
 * then the status bar shows whether the phone is online and when it last synced.
 */
export class DeferredSync implements SyncHandle {
  private engine: SyncEngine | null = null;
  private soonRequested = false;
  private disposed = false;
  private snapshot: SyncSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly arrived: Promise<SyncEngine | null>;
  private settle!: (engine: SyncEngine | null) => void;

  constructor(online: boolean = globalThis.navigator?.onLine ?? true) {
    this.snapshot = { syncing: false, online, problem: null, lastSyncedAt: null, retryAt: null };
    this.arrived = new Promise((resolve) => (this.settle = resolve));
  }

  getSnapshot = (): SyncSnapshot => (this.engine ? this.engine.getSnapshot() : this.snapshot);

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** What the phone knew before the engine loaded (its last sync, read from the database). */
  knownLastSyncedAt(at: string | null): void {
    if (this.engine || at === null) return;
    this.snapshot = { ...this.snapshot, lastSyncedAt: at };
    this.notify();
  }

  /** The engine has loaded: from now on everything goes to it. */
  attach(engine: SyncEngine): void {
    if (this.disposed || this.engine) return;
    this.engine = engine;
    engine.subscribe(() => this.notify());
    if (this.soonRequested) engine.requestSoon();
    this.settle(engine);
    this.notify();
  }

  /** Resolves when a sync by the engine is over (or at once if the engine will never come: disposed). */
  syncNow = async (): Promise<void> => {
    const engine = this.engine ?? (await this.arrived);
    if (engine) await engine.syncNow();
  };

  requestSoon(): void {
    if (this.engine) this.engine.requestSoon();
    else this.soonRequested = true;
  }

  dispose(): void {
    this.disposed = true;
    this.engine?.dispose();
    this.settle(null);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
