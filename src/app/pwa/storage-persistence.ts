export interface StorageStatus {
  /** The browser promised not to clear Fieldbook's data when space runs low. */
  persisted: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/**
 * Asks the browser to keep Fieldbook's data even under storage pressure (and, on Safari, past
 * its seven-day eviction of unused sites). Browsers decide by their own rules; installed apps
 * are usually granted. Asked after sign-in, when the officer has just shown they use the app.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  return (await storage.persisted?.()) || storage.persist();
}

export async function storageStatus(): Promise<StorageStatus> {
  const storage = globalThis.navigator?.storage;
  const [persisted, estimate] = await Promise.all([storage?.persisted?.() ?? false, storage?.estimate?.() ?? Promise.resolve(undefined)]);
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}
