import type { Kysely, Migration } from 'kysely';

/**
 * Sign-in throttling counters live in the database, not in memory, so they hold across
 * restarts and across several server instances. One row per key ("account:<email>" or
 * "address:<ip>"). Frozen once released.
 */
export const signInThrottle: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sign_in_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_started_at', 'text', (c) => c.notNull())
      .addColumn('blocked_until', 'text')
      .execute();
  },
};
