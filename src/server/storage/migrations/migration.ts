import type { Migration } from 'kysely';

export interface FieldbookMigration extends Migration {
  /**
   * SQLite only: run with foreign-key enforcement off, as its table-rebuild procedure requires
   * (the pragma is ignored inside a transaction, so the runner sets it around one), then check
   * every foreign key before committing. Never set for a migration that can do without.
   */
  sqliteForeignKeysOff?: boolean;
}
