import { z } from '../zod';
import { Id, Int, IsoDateTime } from '../primitives';

/**
 * Asked once by a new device database, on its first sync: did this browser hold an earlier
 * Fieldbook database for this user that has gone (evicted by the browser, cleared by hand)?
 * The server knows from a long-lived cookie that names the device this browser last synced as;
 * browsers that evict IndexedDB and localStorage leave server-set HttpOnly cookies alone.
 */
export const DeviceCheckQuery = z.strictObject({ deviceId: Id });

export const DeviceCheckResponse = z.object({
  /** The earlier device's last contact, when its database is gone; null otherwise. */
  lostDevice: z.nullable(z.object({ lastSeenAt: IsoDateTime, lastAppliedSeq: Int(0) })),
});
export type DeviceCheckResponse = z.infer<typeof DeviceCheckResponse>;
