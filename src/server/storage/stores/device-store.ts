export interface DeviceRecord {
  id: string;
  userId: string;
  /** The last mutation of its outbox applied: the next push starts after it. */
  lastSeq: number;
  createdAt: string;
  lastSeenAt: string;
}

/** A mutation the server refused for good, kept as the device sent it. */
export interface RejectionRecord {
  id: string;
  deviceId: string;
  userId: string;
  seq: number;
  kind: string;
  code: string;
  message: string;
  argsJson: string;
  createdAt: string;
}

/** The devices that push, how far each has got, and the mutations refused to them (tx.devices). */
export interface DeviceStore {
  find(deviceId: string): Promise<DeviceRecord | undefined>;
  insert(device: DeviceRecord): Promise<void>;
  update(deviceId: string, lastSeq: number, lastSeenAt: string): Promise<void>;
  insertRejection(rejection: RejectionRecord): Promise<void>;
  /** In sequence order. */
  listRejections(deviceId: string): Promise<RejectionRecord[]>;
}
