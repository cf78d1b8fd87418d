export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

/** Failed sign-ins counted under one key (an account or an address) in a window. */
export interface ThrottleRecord {
  key: string;
  failures: number;
  windowStartedAt: string;
  blockedUntil: string | null;
}

/** Signed-in sessions, by the hash of their token, and the sign-in throttle (tx.sessions). */
export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  find(tokenHash: string): Promise<SessionRecord | undefined>;
  /** Moves the session's last-seen and idle expiry times: run it in a 'touch' transaction. */
  touch(tokenHash: string, lastSeenAt: string, idleExpiresAt: string): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of a user, or every one but `keepTokenHash`. */
  deleteAllOfUser(userId: string, keepTokenHash?: string): Promise<void>;
  findThrottle(key: string): Promise<ThrottleRecord | undefined>;
  /** Inserts, or replaces the key's counters. */
  saveThrottle(record: ThrottleRecord): Promise<void>;
  deleteThrottle(key: string): Promise<void>;
}
