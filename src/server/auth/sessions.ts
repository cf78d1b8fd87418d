import type { StorageTx } from '../storage/storage';
import { hashSessionToken, newSessionToken } from './session-tokens';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** Writing last-seen on every request would turn each read into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export async function startSession(tx: StorageTx, userId: string, now: Date, policy: SessionPolicy): Promise<string> {
  const token = newSessionToken();
  await tx.sessions.insert({
    tokenHash: hashSessionToken(token),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    idleExpiresAt: new Date(now.getTime() + policy.idleMs).toISOString(),
    absoluteExpiresAt: new Date(now.getTime() + policy.absoluteMs).toISOString(),
  });
  return token;
}

/** The user a session token belongs to, or undefined if it is unknown, expired or the user was deactivated. */
export async function resolveSession(tx: StorageTx, token: string, now: Date, policy: SessionPolicy): Promise<string | undefined> {
  const tokenHash = hashSessionToken(token);
  const session = await tx.sessions.find(tokenHash);
  if (!session) return undefined;
  const nowIso = now.toISOString();
  if (session.idleExpiresAt <= nowIso || session.absoluteExpiresAt <= nowIso) {
    await tx.sessions.delete(tokenHash);
    return undefined;
  }
  const user = await tx.accounts.findUserById(session.userId);
  if (!user?.active) {
    await tx.sessions.delete(tokenHash);
    return undefined;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
    await tx.sessions.touch(tokenHash, nowIso, new Date(now.getTime() + policy.idleMs).toISOString());
  }
  return session.userId;
}

export async function endSession(tx: StorageTx, token: string): Promise<void> {
  await tx.sessions.delete(hashSessionToken(token));
}
