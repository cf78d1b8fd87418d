/** Set when another tab upgraded the database: this tab's code is older and must reload. */
class OutdatedTab {
  private outdated = false;
  private readonly listeners = new Set<() => void>();

  getSnapshot = (): boolean => this.outdated;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  markOutdated(): void {
    this.outdated = true;
    for (const l of this.listeners) l();
  }
}

export const outdatedTab = new OutdatedTab();
