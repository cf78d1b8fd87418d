/** Where sync stands, as the status bar shows it. */
export type SyncProblem =
  { kind: 'offline'; message: string } | { kind: 'network'; message: string } | { kind: 'sign-in'; message: string } | { kind: 'server'; message: string };

export interface SyncSnapshot {
  syncing: boolean;
  online: boolean;
  problem: SyncProblem | null;
  /** When a full push-and-pull last finished, by this device's clock. */
  lastSyncedAt: string | null;
  /** When the engine will try again by itself after a problem. */
  retryAt: string | null;
}
