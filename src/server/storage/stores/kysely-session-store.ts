import type { Transaction } from 'kysely';
import type { Database } from '../schema';
import type { SessionRecord, SessionStore, ThrottleRecord } from './session-store';

/** Sessions and the sign-in throttle over the caller's transaction. */
export class KyselySessionStore implements SessionStore {
  constructor(private readonly t: Transaction<Database>) {}

  async insert(s: SessionRecord) {
    await this.t
      .insertInto('sessions')
      .values({
        token_hash: s.tokenHash,
        user_id: s.userId,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        idle_expires_at: s.idleExpiresAt,
        absolute_expires_at: s.absoluteExpiresAt,
      })
      .execute();
  }

  async find(tokenHash: string) {
    const r = await this.t.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return r && toSession(r);
  }

  async touch(tokenHash: string, lastSeenAt: string, idleExpiresAt: string) {
    await this.t.updateTable('sessions').set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt }).where('token_hash', '=', tokenHash).execute();
  }

  async delete(tokenHash: string) {
    await this.t.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteAllOfUser(userId: string, keepTokenHash?: string) {
    let q = this.t.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
    await q.execute();
  }

  async findThrottle(key: string) {
    const r = await this.t.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    return r && { key: r.key, failures: r.failures, windowStartedAt: r.window_started_at, blockedUntil: r.blocked_until };
  }

  async saveThrottle(r: ThrottleRecord) {
    const row = { key: r.key, failures: r.failures, window_started_at: r.windowStartedAt, blocked_until: r.blockedUntil };
    await this.t
      .insertInto('sign_in_throttle')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, window_started_at: row.window_started_at, blocked_until: row.blocked_until }))
      .execute();
  }

  async deleteThrottle(key: string) {
    await this.t.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
  }
}

function toSession(r: Database['sessions']): SessionRecord {
  return {
    tokenHash: r.token_hash,
    userId: r.user_id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    idleExpiresAt: r.idle_expires_at,
    absoluteExpiresAt: r.absolute_expires_at,
  };
}
