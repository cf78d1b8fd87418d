import { describe, expect, it } from 'vitest';
import { appliedMigrations, migrateToLatest, MigrationFailedError } from '../../../src/server/storage/migrate';
import { migrations } from '../../../src/server/storage/migrations';
import { BACKENDS, errorOf } from '../../support/storage-contract';

/** The migration runner on each backend: all of them apply, and a failing one leaves the database as it was. */
for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`migrations on ${backend.name}`, () => {
    it('apply in order to an empty database, once', async () => {
      const bare = await backend.bare();
      try {
        const all = Object.keys(migrations).sort();
        expect(await migrateToLatest(bare.db)).toEqual(all);
        expect(await migrateToLatest(bare.db)).toEqual([]);
        expect(await appliedMigrations(bare.db)).toEqual(all);
        expect(await bare.tableNames()).toEqual(
          expect.arrayContaining(['outcomes', 'outcome_history', 'audit_log', 'sessions', 'sign_in_throttle', 'sync_counter', 'photos', 'fund_returns']),
        );
      } finally {
        await bare.close();
      }
    });

    it('roll a failing migration back whole, keeping the ones before it, and refuse to go on', async () => {
      const bare = await backend.bare();
      try {
        const steps = {
          '0001-good': { up: (db: Parameters<typeof migrateToLatest>[0]) => db.schema.createTable('kept').addColumn('id', 'integer').execute() },
          '0002-broken': {
            async up(db: Parameters<typeof migrateToLatest>[0]) {
              await db.schema.createTable('half_made').addColumn('id', 'integer').execute();
              await db.schema.alterTable('kept').addColumn('extra', 'text').execute();
              throw new Error('disk on fire');
            },
          },
        };
        const e = await errorOf(migrateToLatest(bare.db, steps));
        expect(e).toBeInstanceOf(MigrationFailedError);
        expect(e.message).toMatch(/0002-broken.*rolled back.*disk on fire/);
        expect(await bare.tableNames()).toEqual(expect.arrayContaining(['kept', 'schema_migrations']));
        expect(await bare.tableNames()).not.toContain('half_made');
        expect(await appliedMigrations(bare.db)).toEqual(['0001-good']);
        // The column the failed migration added to an existing table went with it.
        await errorOf(
          bare.db
            .selectFrom('kept' as never)
            .select('extra' as never)
            .execute(),
        );
        expect((await errorOf(migrateToLatest(bare.db, steps))).message).toMatch(/0002-broken/);
      } finally {
        await bare.close();
      }
    });
  });
}
