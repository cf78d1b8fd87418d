/**
 * What the officer has entered that is not yet kept on the phone: the only thing an update's
 * reload could lose, so "Reload to update" waits while anything is held here.
 *
 * Counts as unsaved:
 * - a form draft being written to IndexedDB, or one the phone refused to keep (storage full);
 *   once a draft write has committed, the form comes back after the reload, so it no longer counts;
 * - photos picked on a form but not yet saved with their outcome (they are too large for drafts);
 * - a changed form that keeps no draft (adding a place).
 * Does not count: a form opened but untouched, or one whose draft is already committed.
 */
class UnsavedInput {
  private readonly holds = new Set<symbol>();
  private readonly listeners = new Set<() => void>();
  private snapshot = false;

  /** True while anything entered is not yet kept on the phone. */
  getSnapshot = (): boolean => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Holds updates back until the returned function is called (calling it twice is harmless). */
  hold(): () => void {
    const token = Symbol('unsaved input');
    this.holds.add(token);
    this.changed();
    return () => {
      if (this.holds.delete(token)) this.changed();
    };
  }

  private changed(): void {
    const next = this.holds.size > 0;
    if (next === this.snapshot) return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}

export const unsavedInput = new UnsavedInput();
