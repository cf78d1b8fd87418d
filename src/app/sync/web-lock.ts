/**
 * A lock shared by every tab of this origin (the Web Locks API). If another tab holds it, this
 * tab skips its turn instead of waiting: the other tab is already syncing the same database.
 * Where the API is missing (old Safari), each tab syncs alone; the server's per-device sequence
 * numbers still make a double push harmless.
 */
export function webLock(name: string) {
  return async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    const locks = globalThis.navigator?.locks;
    if (!locks) return fn();
    return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? fn() : undefined));
  };
}
